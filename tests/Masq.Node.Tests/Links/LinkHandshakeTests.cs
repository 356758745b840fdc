using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Masq.Node.DataPath;
using Masq.Node.Crypto;
using Masq.Node.Links;
using Masq.Node.Networking;
using Masq.Node.Tests.Crypto;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PublicKey = Masq.Node.Crypto.PublicKey;

namespace Masq.Node.Tests.Links;

/// <summary>Real TLS handshakes over loopback sockets between Node identities.</summary>
public sealed class LinkHandshakeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly CryptDeReal _alice = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _bob = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _mallory = CryptDeReal.Generate(TestChains.BaseSepolia);

    [Fact]
    public async Task A_good_pair_connects_both_ways_over_TLS_1_3_and_each_side_learns_the_other()
    {
        var alice = Handshake(_alice);
        var bob = Handshake(_bob);

        foreach (var (dialler, dialled, diallerKey, dialledKey) in new[]
        {
            (alice, bob, _alice.PublicKey, _bob.PublicKey),
            (bob, alice, _bob.PublicKey, _alice.PublicKey),
        })
        {
            using var pair = await SocketPair.OpenAsync();
            var accepting = dialled.AcceptAsync(pair.ServerStream, pair.ClientEndPoint, CancellationToken.None);
            await using var client = await dialler.ConnectAsync(pair.ClientStream, pair.ServerEndPoint, dialledKey, CancellationToken.None).WaitAsync(Deadline);
            await using var server = await accepting.WaitAsync(Deadline);

            Assert.Equal(dialledKey, client.Peer);
            Assert.Equal(diallerKey, server.Peer);
            Assert.Equal(SslProtocols.Tls13, client.Stream.SslProtocol);
            Assert.Equal(SslProtocols.Tls13, server.Stream.SslProtocol);

            await client.Stream.WriteAsync("ping"u8.ToArray());
            await client.Stream.FlushAsync();
            var received = new byte[4];
            await server.Stream.ReadExactlyAsync(received).AsTask().WaitAsync(Deadline);
            Assert.Equal("ping"u8.ToArray(), received);
        }
    }

    [Fact]
    public async Task A_server_that_proves_another_Node_is_refused_by_the_dialler_with_one_log_line()
    {
        var logger = new RecordingLogger<LinkHandshake>();
        var alice = Handshake(_alice, logger: logger);
        var mallory = Handshake(_mallory);

        using var pair = await SocketPair.OpenAsync();
        var accepting = mallory.AcceptAsync(pair.ServerStream, pair.ClientEndPoint, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<LinkRefusedException>(
            () => alice.ConnectAsync(pair.ClientStream, pair.ServerEndPoint, _bob.PublicKey, CancellationToken.None).WaitAsync(Deadline));

        Assert.Equal(LinkRefusal.WrongNode, refused.Reason);
        Assert.Equal(1, logger.Count(LinkEventIds.LinkRefused));
        Assert.Contains(_bob.PublicKey.ToString(), logger.Entries.Single().Message, StringComparison.Ordinal);
        // In TLS 1.3 the server may finish its handshake before the client checks it: then its link ends at once.
        try
        {
            await using var link = await accepting.WaitAsync(Deadline);
            var buffer = new byte[1];
            int read = await ReadOrFail(link.Stream, buffer).WaitAsync(Deadline);
            Assert.Equal(0, read);
        }
        catch (LinkRefusedException)
        {
        }
    }

    [Fact]
    public async Task A_self_made_identity_claiming_a_real_Node_is_refused_on_both_sides()
    {
        // Mallory signs her own certificate key with her own Node key but names Bob's key in the extension.
        using var forged = ForgedCertificate(claimed: _bob.PublicKey, signer: _mallory);

        var alice = Handshake(_alice);
        using (var pair = await SocketPair.OpenAsync())
        {
            var fakeServer = RawServerAsync(pair.ServerStream, forged);
            var refused = await Assert.ThrowsAsync<LinkRefusedException>(
                () => alice.ConnectAsync(pair.ClientStream, pair.ServerEndPoint, _bob.PublicKey, CancellationToken.None).WaitAsync(Deadline));
            Assert.Equal(LinkRefusal.ForgedIdentity, refused.Reason);
            await IgnoreFailure(fakeServer);
        }

        using (var pair = await SocketPair.OpenAsync())
        {
            var accepting = alice.AcceptAsync(pair.ServerStream, pair.ClientEndPoint, CancellationToken.None);
            var fakeClient = RawClientAsync(pair.ClientStream, forged);
            var refused = await Assert.ThrowsAsync<LinkRefusedException>(() => accepting.WaitAsync(Deadline));
            Assert.Equal(LinkRefusal.ForgedIdentity, refused.Reason);
            await IgnoreFailure(fakeClient);
        }
    }

    [Fact]
    public async Task A_client_without_the_identity_extension_or_with_garbage_in_it_is_refused()
    {
        using var plain = SelfSigned(extension: null, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var garbage = SelfSigned(
            new X509Extension(NodeIdentityExtension.Oid, RandomNumberGenerator.GetBytes(150), critical: false),
            DateTimeOffset.UtcNow.AddHours(-1),
            DateTimeOffset.UtcNow.AddDays(1));
        var alice = Handshake(_alice);

        Assert.Equal(LinkRefusal.NoIdentity, await AcceptFromRawClientAsync(alice, plain));
        Assert.Equal(LinkRefusal.MalformedIdentity, await AcceptFromRawClientAsync(alice, garbage));
    }

    [Fact]
    public async Task An_expired_certificate_is_refused_even_when_its_identity_is_genuine()
    {
        using var expired = LinkCertificate.Create(_bob, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-2));
        var alice = Handshake(_alice);

        Assert.Equal(LinkRefusal.Expired, await AcceptFromRawClientAsync(alice, expired));
    }

    [Fact]
    public async Task A_client_that_offers_only_TLS_1_2_is_refused()
    {
        using var genuine = LinkCertificate.Create(_bob, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        var alice = Handshake(_alice);

        using var pair = await SocketPair.OpenAsync();
        var accepting = alice.AcceptAsync(pair.ServerStream, pair.ClientEndPoint, CancellationToken.None);
        var oldClient = RawClientAsync(pair.ClientStream, genuine, SslProtocols.Tls12);

        var refused = await Assert.ThrowsAsync<LinkRefusedException>(() => accepting.WaitAsync(Deadline));
        Assert.Equal(LinkRefusal.TlsFailed, refused.Reason);
        await Assert.ThrowsAnyAsync<Exception>(() => oldClient.WaitAsync(Deadline));
    }

    [Fact]
    public async Task A_stalled_handshake_is_dropped_when_its_timeout_passes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new RecordingLogger<LinkHandshake>();
        var alice = Handshake(_alice, time, logger);

        using var pair = await SocketPair.OpenAsync();
        // The client connects and says nothing.
        var accepting = alice.AcceptAsync(pair.ServerStream, pair.ClientEndPoint, CancellationToken.None);
        Assert.False(accepting.IsCompleted);

        time.Advance(new LinkOptions().HandshakeTimeout + TimeSpan.FromSeconds(1));

        var refused = await Assert.ThrowsAsync<LinkRefusedException>(() => accepting.WaitAsync(Deadline));
        Assert.Equal(LinkRefusal.TimedOut, refused.Reason);
        Assert.Equal(1, logger.Count(LinkEventIds.LinkRefused));
        // The socket is closed: the silent client reads the end of the stream.
        var buffer = new byte[1];
        Assert.Equal(0, await pair.ClientStream.ReadAsync(buffer).AsTask().WaitAsync(Deadline));
    }

    [Fact]
    public async Task Many_refusals_from_one_peer_are_logged_once_per_interval()
    {
        using var plain = SelfSigned(extension: null, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        var logger = new RecordingLogger<LinkHandshake>();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var alice = Handshake(_alice, time, logger);
        var peer = new IPEndPoint(IPAddress.Loopback, 40_000);

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(LinkRefusal.NoIdentity, await AcceptFromRawClientAsync(alice, plain, peer));
        }

        Assert.Equal(1, logger.Count(LinkEventIds.LinkRefused));
    }

    private static async Task<int> ReadOrFail(Stream stream, byte[] buffer)
    {
        try
        {
            return await stream.ReadAsync(buffer);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static LinkHandshake Handshake(ICryptDE identity, TimeProvider? time = null, RecordingLogger<LinkHandshake>? logger = null)
    {
        time ??= TimeProvider.System;
        var conduct = new PeerConduct(new DataPathOptions(), time, NullLogger<PeerConduct>.Instance);
        return new LinkHandshake(identity, new LinkOptions(), time, conduct, (Microsoft.Extensions.Logging.ILogger<LinkHandshake>?)logger ?? NullLogger<LinkHandshake>.Instance);
    }

    private static async Task<LinkRefusal> AcceptFromRawClientAsync(LinkHandshake handshake, X509Certificate2 clientCertificate, IPEndPoint? reportedPeer = null)
    {
        using var pair = await SocketPair.OpenAsync();
        var accepting = handshake.AcceptAsync(pair.ServerStream, reportedPeer ?? pair.ClientEndPoint, CancellationToken.None);
        var client = RawClientAsync(pair.ClientStream, clientCertificate);
        var refused = await Assert.ThrowsAsync<LinkRefusedException>(() => accepting.WaitAsync(Deadline));
        await IgnoreFailure(client);
        return refused.Reason;
    }

    // The raw client and server play attackers and old software: they accept any certificate on purpose.
#pragma warning disable CA5359
    private static async Task RawClientAsync(Stream transport, X509Certificate2 certificate, SslProtocols protocols = SslProtocols.Tls13)
    {
        await using var ssl = new SslStream(transport, leaveInnerStreamOpen: true);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = string.Empty,
            EnabledSslProtocols = protocols,
            ClientCertificateContext = LinkCertificate.CreateContext(certificate),
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        // A refused client learns it at its first read.
        _ = await ssl.ReadAsync(new byte[1]);
    }

    private static async Task RawServerAsync(Stream transport, X509Certificate2 certificate)
    {
        await using var ssl = new SslStream(transport, leaveInnerStreamOpen: true);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls13,
            ServerCertificateContext = LinkCertificate.CreateContext(certificate),
            ClientCertificateRequired = true,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
    }

#pragma warning restore CA5359

    private static async Task IgnoreFailure(Task task)
    {
        try
        {
            await task.WaitAsync(Deadline);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or ObjectDisposedException)
        {
        }
    }

    private static X509Certificate2 ForgedCertificate(PublicKey claimed, CryptDeReal signer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=node", key, HashAlgorithmName.SHA256);
        var genuine = NodeIdentityExtension.Create(signer, key.ExportSubjectPublicKeyInfo());
        // Swap the signer's key for the claimed one; the signature stays the signer's.
        byte[] raw = genuine.RawData;
        int keyAt = raw.AsSpan().IndexOf(signer.PublicKey.Span);
        claimed.Span.CopyTo(raw.AsSpan(keyAt));
        request.CertificateExtensions.Add(new X509Extension(NodeIdentityExtension.Oid, raw, critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 SelfSigned(X509Extension? extension, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=node", key, HashAlgorithmName.SHA256);
        if (extension is not null)
        {
            request.CertificateExtensions.Add(extension);
        }

        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>Two ends of a real loopback TCP connection.</summary>
    private sealed class SocketPair : IDisposable
    {
        private readonly Socket _client;
        private readonly Socket _server;

        private SocketPair(Socket client, Socket server)
        {
            _client = client;
            _server = server;
            ClientStream = new NetworkStream(client, ownsSocket: true);
            ServerStream = new NetworkStream(server, ownsSocket: true);
        }

        public NetworkStream ClientStream { get; }

        public NetworkStream ServerStream { get; }

        public IPEndPoint ClientEndPoint => (IPEndPoint)_client.LocalEndPoint!;

        public IPEndPoint ServerEndPoint => (IPEndPoint)_server.LocalEndPoint!;

        public static async Task<SocketPair> OpenAsync()
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var accepted = listener.AcceptAsync();
            await client.ConnectAsync(listener.LocalEndPoint!);
            return new SocketPair(client, await accepted.WaitAsync(Deadline));
        }

        public void Dispose()
        {
            ClientStream.Dispose();
            ServerStream.Dispose();
        }
    }
}
