using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>
/// The Node's database, <c>node-data.db</c>: the tables and column names of spec §1.2. Created and upgraded only by
/// EF Core migrations; obtain instances from a <see cref="NodeDatabaseFactory"/>, one short-lived context per unit
/// of work.
/// </summary>
internal sealed class NodeDatabase(DbContextOptions<NodeDatabase> options) : DbContext(options)
{
    /// <summary>
    /// The version in the <c>schema_version</c> row. It continues the reference's numbering (11 is its current
    /// schema); a migration that changes the schema bumps it, and the model's seed row makes EF write it.
    /// </summary>
    public const int CurrentSchemaVersion = 11;

    public DbSet<ConfigRow> Config => Set<ConfigRow>();

    public DbSet<PayableRow> Payables => Set<PayableRow>();

    public DbSet<PendingPayableRow> PendingPayables => Set<PendingPayableRow>();

    public DbSet<ReceivableRow> Receivables => Set<ReceivableRow>();

    public DbSet<BannedRow> Banned => Set<BannedRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConfigRow>(config =>
        {
            config.ToTable("config");
            config.HasKey(row => row.Name);
            config.Property(row => row.Name).HasColumnName("name");
            config.Property(row => row.Value).HasColumnName("value");
            config.Property(row => row.Encrypted).HasColumnName("encrypted");
            config.HasData(new ConfigRow
            {
                Name = ConfigNames.SchemaVersion,
                Value = CurrentSchemaVersion.ToString(CultureInfo.InvariantCulture),
                Encrypted = false,
            });
        });

        modelBuilder.Entity<PayableRow>(payable =>
        {
            payable.ToTable("payable");
            payable.HasKey(row => row.WalletAddress);
            payable.Ignore(row => row.Balance);
            payable.Property(row => row.WalletAddress).HasColumnName("wallet_address");
            payable.Property(row => row.BalanceHigh).HasColumnName("balance_high_b");
            payable.Property(row => row.BalanceLow).HasColumnName("balance_low_b");
            payable.Property(row => row.LastPaidTimestamp).HasColumnName("last_paid_timestamp");
            payable.Property(row => row.PendingPayableRowid).HasColumnName("pending_payable_rowid");
        });

        modelBuilder.Entity<PendingPayableRow>(pending =>
        {
            pending.ToTable("pending_payable");
            pending.HasKey(row => row.Rowid);
            pending.Ignore(row => row.Amount);
            pending.Property(row => row.Rowid).HasColumnName("rowid");
            pending.Property(row => row.TransactionHash).HasColumnName("transaction_hash");
            pending.Property(row => row.AmountHigh).HasColumnName("amount_high_b");
            pending.Property(row => row.AmountLow).HasColumnName("amount_low_b");
            pending.Property(row => row.PayableTimestamp).HasColumnName("payable_timestamp");
            pending.Property(row => row.Attempt).HasColumnName("attempt");
            pending.Property(row => row.ProcessError).HasColumnName("process_error");
            pending.HasIndex(row => row.TransactionHash).IsUnique().HasDatabaseName("pending_payable_hash_idx");
        });

        modelBuilder.Entity<ReceivableRow>(receivable =>
        {
            receivable.ToTable("receivable");
            receivable.HasKey(row => row.WalletAddress);
            receivable.Ignore(row => row.Balance);
            receivable.Property(row => row.WalletAddress).HasColumnName("wallet_address");
            receivable.Property(row => row.BalanceHigh).HasColumnName("balance_high_b");
            receivable.Property(row => row.BalanceLow).HasColumnName("balance_low_b");
            receivable.Property(row => row.LastReceivedTimestamp).HasColumnName("last_received_timestamp");
        });

        modelBuilder.Entity<BannedRow>(banned =>
        {
            banned.ToTable("banned");
            banned.HasKey(row => row.WalletAddress);
            banned.Property(row => row.WalletAddress).HasColumnName("wallet_address");
        });
    }
}
