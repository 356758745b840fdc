using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masq.Node.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "banned",
                columns: table => new
                {
                    wallet_address = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banned", x => x.wallet_address);
                });

            migrationBuilder.CreateTable(
                name: "config",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true),
                    encrypted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_config", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "payable",
                columns: table => new
                {
                    wallet_address = table.Column<string>(type: "TEXT", nullable: false),
                    balance_high_b = table.Column<long>(type: "INTEGER", nullable: false),
                    balance_low_b = table.Column<long>(type: "INTEGER", nullable: false),
                    last_paid_timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    pending_payable_rowid = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payable", x => x.wallet_address);
                });

            migrationBuilder.CreateTable(
                name: "pending_payable",
                columns: table => new
                {
                    rowid = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    transaction_hash = table.Column<string>(type: "TEXT", nullable: false),
                    amount_high_b = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_low_b = table.Column<long>(type: "INTEGER", nullable: false),
                    payable_timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    attempt = table.Column<long>(type: "INTEGER", nullable: false),
                    process_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_payable", x => x.rowid);
                });

            migrationBuilder.CreateTable(
                name: "receivable",
                columns: table => new
                {
                    wallet_address = table.Column<string>(type: "TEXT", nullable: false),
                    balance_high_b = table.Column<long>(type: "INTEGER", nullable: false),
                    balance_low_b = table.Column<long>(type: "INTEGER", nullable: false),
                    last_received_timestamp = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receivable", x => x.wallet_address);
                });

            migrationBuilder.InsertData(
                table: "config",
                columns: new[] { "name", "encrypted", "value" },
                values: new object[] { "schema_version", false, "11" });

            migrationBuilder.CreateIndex(
                name: "pending_payable_hash_idx",
                table: "pending_payable",
                column: "transaction_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "banned");

            migrationBuilder.DropTable(
                name: "config");

            migrationBuilder.DropTable(
                name: "payable");

            migrationBuilder.DropTable(
                name: "pending_payable");

            migrationBuilder.DropTable(
                name: "receivable");
        }
    }
}
