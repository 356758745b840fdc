namespace Masq.Benchmarks.Mesh;

/// <summary>What the benchmark tells its Node processes: every Node of the mesh and the originator's route.</summary>
internal sealed record MeshConfig(List<MeshNodeConfig> Nodes, int[] Over, int[] Back, string ConsumingKey);
