using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Masq.Node.Crypto;

namespace Masq.Benchmarks;

/// <summary>
/// The per-package public-key work of a Node (data-path.md §4): sealed box seal/open of a 16 KiB package and Ed25519
/// sign/verify. Compare with the .NET ceilings of peers-and-threats.md §3.2.
/// </summary>
[MemoryDiagnoser]
public class CryptDeBenchmarks
{
    private const int PayloadLength = 16 * 1024;

    private CryptDeReal _sender = null!;
    private CryptDeReal _recipient = null!;
    private byte[] _payload = null!;
    private byte[] _sealed = null!;
    private byte[] _sealBuffer = null!;
    private byte[] _openBuffer = null!;
    private byte[] _message = null!;
    private byte[] _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] contract = Convert.FromHexString("898e1ce720084a902bc37dd822ed6d6a5f027e10");
        _sender = CryptDeReal.Generate(contract);
        _recipient = CryptDeReal.Generate(contract);
        _payload = RandomNumberGenerator.GetBytes(PayloadLength);
        _sealed = _sender.Seal(_recipient.PublicKey, _payload);
        _sealBuffer = new byte[_sealed.Length];
        _openBuffer = new byte[PayloadLength];
        _message = RandomNumberGenerator.GetBytes(512);
        _signature = _sender.Sign(_message);
    }

    [Benchmark(Description = "seal 16 KiB (crypto_box_seal)")]
    public void Seal16KiB() => _sender.Seal(_recipient.PublicKey, _payload, _sealBuffer);

    [Benchmark(Description = "open 16 KiB (crypto_box_seal_open)")]
    public bool Open16KiB() => _recipient.TryOpen(_sealed, _openBuffer);

    [Benchmark(Description = "Ed25519 sign 512 B")]
    public byte[] Sign() => _sender.Sign(_message);

    [Benchmark(Description = "Ed25519 verify 512 B")]
    public bool Verify() => _recipient.Verify(_message, _signature, _sender.PublicKey);
}
