using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Masq.Node.Cells;

namespace Masq.Benchmarks;

/// <summary>
/// Why the cell layer uses libsodium's ChaCha20: one layer of one cell with it, against the in-box AES-GCM (the
/// other candidate; .NET has no AES-CTR, and AES-GCM pays its OpenSSL context set-up on every call).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes it in the [GlobalCleanup] method.")]
public class CellPrimitiveBenchmarks
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _tag = new byte[16];
    private byte[] _cell = null!;
    private AesGcm _aes = null!;

    [Params(CellFormat.SmallLength, CellFormat.LargeLength)]
    public int CellLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cell = RandomNumberGenerator.GetBytes(CellLength);
        _aes = new AesGcm(_key, 16);
    }

    [GlobalCleanup]
    public void Cleanup() => _aes.Dispose();

    [Benchmark(Baseline = true, Description = "ChaCha20 layer (libsodium)")]
    public void ChaCha20Layer() => CellSodium.StreamXor(_cell, _nonce, _key);

    [Benchmark(Description = "ChaCha20-Poly1305 seal (libsodium)")]
    public void ChaCha20Poly1305() => CellSodium.Seal(_cell.AsSpan(0, CellLength - 16), _tag, default, _nonce, _key);

    [Benchmark(Description = "AES-256-GCM seal (in-box)")]
    public void AesGcmSeal() => _aes.Encrypt(_nonce, _cell.AsSpan(0, CellLength - 16), _cell.AsSpan(0, CellLength - 16), _tag);
}
