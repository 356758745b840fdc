using Microsoft.EntityFrameworkCore.Design;

namespace Masq.Node.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: a context on a scratch file (the tools never open it to add a migration).</summary>
internal sealed class NodeDatabaseDesignTimeFactory : IDesignTimeDbContextFactory<NodeDatabase>
{
    public NodeDatabase CreateDbContext(string[] args) =>
        NodeDatabaseFactory.ForReadWrite(Path.Combine(Path.GetTempPath(), "masq-design-time", NodeDatabaseFactory.FileName)).CreateDbContext();
}
