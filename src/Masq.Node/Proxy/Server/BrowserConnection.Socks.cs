using Masq.Node.DataPath;
using System.Buffers;
using System.Net;
using Masq.Node.Protocol;
using Masq.Node.Proxy.Server;
using Masq.Node.Proxy.Socks;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Proxy.Server;

/// <summary>
/// SOCKS5 (RFC 1928) on the <c>socks-port</c>: "no authentication" only, CONNECT only. The stream opens before the
/// client may send (<see cref="ProxyServer.ConnectAsync"/>), and the reply waits for the exit's word: success once the
/// server accepted, else the reply code for the failure (<see cref="Socks5FailureCodes"/>), as Tor answers after the
/// exit's RELAY_CONNECTED. After that the bytes go through unframed, whatever they are (HTTP, TLS, or anything else).
/// </summary>
internal sealed partial class BrowserConnection
{
    private readonly SocksGate? _socks;
    private int _socksReplied;
    private int _socksHandshakeOver;

    /// <summary>The exit reports the server connected: the client hears success and may send.</summary>
    public async ValueTask ConnectedAsync(ProxyStream stream, CancellationToken cancellationToken)
    {
        if (stream == _current && Interlocked.Exchange(ref _socksReplied, 1) == 0)
        {
            await EnqueueAsync(new BrowserOutgoing(BrowserOutgoingKind.Data, null, Socks5Parser.Reply(Socks5ReplyCode.Succeeded)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Before the reply: the reply code for the failure, then close. After it: a reset, as the answer broke off.</summary>
    private async ValueTask FailSocksAsync(ProxyStream? stream, StreamFailure failure, CancellationToken cancellationToken)
    {
        if (stream is not null && stream != _current)
        {
            return;
        }

        if (Interlocked.Exchange(ref _socksReplied, 1) == 0)
        {
            var code = Socks5FailureCodes.For(failure);
            LogSocksFailed(_client, stream?.Host ?? "<unknown>", stream?.Port ?? 0, failure.Server?.ToString() ?? failure.Kind.ToString(), (byte)code);
            await EnqueueAsync(new BrowserOutgoing(BrowserOutgoingKind.Fail, null, Socks5Parser.Reply(code)), cancellationToken).ConfigureAwait(false);
        }
        else if (stream is not null)
        {
            Reset(stream);
        }
    }

    /// <returns>Bytes used; -1 for "read more"; 0 after closing.</returns>
    private async ValueTask<long> ReadSocksGreetingAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        switch (Socks5Parser.TryReadGreeting(buffer, out int used, out bool noAuthentication))
        {
            case Socks5ParseStatus.Incomplete:
                return -1;
            case Socks5ParseStatus.WrongVersion:
                // Not SOCKS5 (SOCKS4, HTTP, TLS…): there is no reply it would understand.
                ReportSocksProblem($"it does not speak SOCKS5 (version byte {buffer.FirstSpan[0]})");
                LeaveSocksHandshake();
                _stopped = true;
                _outgoing.Writer.TryComplete();
                return 0;
            case Socks5ParseStatus.Complete when noAuthentication:
                await EnqueueAsync(new BrowserOutgoing(BrowserOutgoingKind.Data, null, Socks5Parser.MethodSelection(Socks5Parser.NoAuthentication)), cancellationToken).ConfigureAwait(false);
                _state = BrowserReadState.SocksRequest;
                return used;
            default:
                ReportSocksProblem("its greeting does not offer \"no authentication\", the only method this proxy has");
                await RefuseSocksAsync(Socks5Parser.MethodSelection(Socks5Parser.NoAcceptableMethods), cancellationToken).ConfigureAwait(false);
                return used;
        }
    }

    /// <returns>Bytes used; -1 for "read more"; 0 after closing.</returns>
    private async ValueTask<long> ReadSocksRequestAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var status = Socks5Parser.TryReadRequest(buffer, out var request, out int used);
        Socks5ReplyCode? refusal = status switch
        {
            Socks5ParseStatus.Incomplete => null,
            Socks5ParseStatus.UnknownAddressType => Socks5ReplyCode.AddressTypeNotSupported,
            Socks5ParseStatus.Complete when request!.Command != Socks5Command.Connect => Socks5ReplyCode.CommandNotSupported,
            Socks5ParseStatus.Complete when !_options.AllowLoopbackTargets && IsLoopbackHost(request!.Host) => Socks5ReplyCode.NotAllowedByRuleset,
            Socks5ParseStatus.Complete => Socks5ReplyCode.Succeeded,
            _ => Socks5ReplyCode.GeneralFailure,
        };
        switch (refusal)
        {
            case null:
                return -1;
            case Socks5ReplyCode.Succeeded:
                break;
            default:
                ReportSocksProblem(status switch
                {
                    Socks5ParseStatus.UnknownAddressType => "its request has an unknown address type",
                    Socks5ParseStatus.WrongVersion => "its request is not SOCKS5",
                    Socks5ParseStatus.BadAddress => "its request names no usable host or port",
                    _ when refusal == Socks5ReplyCode.NotAllowedByRuleset => $"it asks for the loopback host {request!.Host} (allow-loopback-targets is off)",
                    _ => $"it asks for command {(byte)request!.Command}; only CONNECT is supported",
                });
                await RefuseSocksAsync(Socks5Parser.Reply(refusal.Value), cancellationToken).ConfigureAwait(false);
                return used;
        }

        // The handshake is done; from here the connect deadline is the ProxyServer's (ConnectAnswerTimeout).
        LeaveSocksHandshake();
        _headArmed = false;
        _head.CancelAfter(Timeout.InfiniteTimeSpan);
        _state = BrowserReadState.Opaque;

        // The exit does not look at the payload; the protocol names what it most likely is, for the error answers.
        var protocol = request!.Port == 443 ? ProxyProtocol.Tls : ProxyProtocol.Http;
        _current = _proxyServer.OpenStream(this, _client, request.Host, request.Port, protocol);
        if (!await _proxyServer.ConnectAsync(_current, cancellationToken).ConfigureAwait(false))
        {
            // Refused at once (no wallet, no route): the reply is queued; stop reading.
            _stopped = true;
        }

        return used;
    }

    private async ValueTask RefuseSocksAsync(byte[] reply, CancellationToken cancellationToken)
    {
        LeaveSocksHandshake();
        Interlocked.Exchange(ref _socksReplied, 1);
        await FailLocallyAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private void LeaveSocksHandshake()
    {
        if (_socks is not null && Interlocked.Exchange(ref _socksHandshakeOver, 1) == 0)
        {
            _socks.Leave();
        }
    }

    private void ReportSocksProblem(string problem)
    {
        if (_socks?.ShouldLog(_client) ?? true)
        {
            LogSocksRefused(_client, problem);
        }
    }

    [LoggerMessage(EventId = DataPathEventIds.SocksRefused, Level = LogLevel.Warning, Message = "Refused a SOCKS5 connection from {Client}: {Problem}")]
    private partial void LogSocksRefused(IPEndPoint client, string problem);

    [LoggerMessage(EventId = DataPathEventIds.SocksFailed, Level = LogLevel.Information, Message = "SOCKS5 CONNECT from {Client} to {Host}:{Port} failed ({Failure}): replied {Code:X2}")]
    private partial void LogSocksFailed(IPEndPoint client, string host, int port, string failure, byte code);
}
