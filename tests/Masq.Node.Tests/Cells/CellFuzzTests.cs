using System.Security.Cryptography;
using Masq.Node.Cells;
using Masq.Node.Links;
using Masq.Node.Tests.Crypto;

namespace Masq.Node.Tests.Cells;

/// <summary>Untrusted bytes into the cell and link parsers: dropped or refused, never thrown.</summary>
public sealed class CellFuzzTests
{
    private readonly Masq.Node.Crypto.CryptDeReal _verifier = Masq.Node.Crypto.CryptDeReal.Generate(TestChains.BaseSepolia);

    [Fact]
    public void Random_cells_of_every_kind_are_dropped_or_answered_and_never_throw()
    {
        var mesh = new CellMesh(3);
        var route = mesh.Build(2, out var path);
        mesh.Carry(CellMesh.Originator, path[0], CellMesh.ForwardCell(route, new byte[5]));
        var random = new Random(15);
        for (int i = 0; i < 3000; i++)
        {
            var cell = new byte[random.Next(2) == 0 ? CellFormat.SmallLength : CellFormat.LargeLength];
            random.NextBytes(cell);
            // Half of them with a live label, so they get past the lookup to the replay window and the crypto.
            if (i % 2 == 0)
            {
                CellFormat.WriteHeader(cell, route.FirstLabel, (CellKind)random.Next(0, 8), (ulong)random.NextInt64());
            }

            var outcome = mesh.Relays[path[0]].Process(CellMesh.Originator, cell);
            Assert.True(
                outcome.Action is CellAction.Drop or CellAction.ReplyUnknownRoute or CellAction.Send or CellAction.Closed,
                $"cell {i}: {outcome.Action}");
        }

        // Random bytes in a setup slot never open.
        Assert.Equal(0, mesh.Relays[path[0]].Counters.Delivered);
    }

    [Fact]
    public void Random_setup_entries_and_identity_extensions_do_not_parse_and_never_throw()
    {
        var random = new Random(16);
        for (int i = 0; i < 5000; i++)
        {
            var entry = new byte[RouteSetupEntry.Length];
            random.NextBytes(entry);
            entry[0] = (byte)random.Next(3);
            var parsed = RouteSetupEntry.TryRead(entry);
            if (parsed is not null)
            {
                Assert.True(parsed.NextHop.Length <= RouteSetupEntry.MaxNextHopLength && parsed.Ticket.Length <= RouteSetupEntry.MaxTicketLength);
            }
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        for (int i = 0; i < 200; i++)
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=node", key, HashAlgorithmName.SHA256);
            var raw = new byte[random.Next(0, 300)];
            random.NextBytes(raw);
            if (i % 2 == 0 && raw.Length > 2)
            {
                // A well-formed OCTET STRING around random content, to reach the inner checks.
                raw[0] = 0x04;
                raw[1] = (byte)Math.Min(raw.Length - 2, 127);
                Array.Resize(ref raw, raw[1] + 2);
            }

            request.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509Extension(NodeIdentityExtension.Oid, raw, critical: false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
            var refusal = LinkCertificate.Check(certificate, _verifier, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), out var node);
            Assert.NotNull(refusal);
            Assert.Null(node);
        }
    }
}
