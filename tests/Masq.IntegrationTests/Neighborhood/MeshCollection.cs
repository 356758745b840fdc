using System.Diagnostics.CodeAnalysis;
using Masq.IntegrationTests.Infrastructure;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// The mesh tests run in the "Real processes" collection (<see cref="IntegrationCollection"/>), so no other test that
/// starts real processes runs beside them on the two cores. Only the name is shared: xunit allows one definition.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit names collection definitions ...Collection.")]
public static class MeshCollection
{
    public const string Name = IntegrationCollection.Name;
}
