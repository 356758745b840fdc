using System.Net;
using Masq.Node.Crypto;
using Masq.Node.Protocol;
using Masq.Node.Routing;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;

namespace Masq.Node.Proxy.Server;

/// <summary>
/// Dead routes: a stream whose route lost a Node ends for the browser within seconds instead of at the
/// idle timeout. Two signals:
/// <list type="bullet">
/// <item>The link to the stream's first Node closes (or cannot be opened): every stream whose route starts there ends at once.</item>
/// <item>
/// A Node further on dies: the originator cannot see that link, so it asks the exit. A routed stream that has heard
/// nothing from its exit for <see cref="DataPathOptions.ProbeAfter"/> sends a probe, an empty request that is not
/// last_data, in sequence with its other requests; the exit echoes it at once as an empty response (not after the
/// server has taken the earlier requests). No answer within <see cref="DataPathOptions.ProbeTimeout"/> and the route is
/// dead (<see cref="DataPathOptions.FirstAnswerTimeout"/> while nothing at all came back from the exit yet: a new route
/// may still be opening its links). Quiet streams whose probes come back probe less and less often, so idle keep-alive connections cost little.
/// A SOCKS5 CONNECT still waiting for its exit to connect is probed too: until it has announced the connection (an empty
/// response), the exit answers a probe with a credit update, outside the sequence, so the answer is never taken for the
/// announcement; the connect deadline (<see cref="DataPathOptions.ConnectAnswerTimeout"/>) is then for a live exit's slow server.
/// A slow browser cannot hold up the shared links (per-stream credit windows, protocol.md §4), so the deadline holds
/// for every stream; a stream waiting for its browser's credit still answers probes.
/// </item>
/// </list>
/// The browser gets the "route failed" page (HTTP) or an internal_error alert (TLS) when nothing of the response has
/// reached it yet; otherwise its connection is closed. The exit gets the stream's last_data, in case it is alive.
/// </summary>
internal sealed partial class ProxyServer
{
    /// <summary>A clandestine link closed or could not be opened (the pool's events, on its threads).</summary>
    internal void OnLinkLost(IPEndPoint remote)
    {
        foreach (var stream in _streams.Values)
        {
            if (stream.FirstHop is { } first && first.Equals(remote))
            {
                _ = EndDeadRouteAsync(stream, $"the link to the first Node ({remote}) closed");
            }
        }
    }

    private void TrackRoute(ProxyStream stream, RoundTripPlan plan)
    {
        stream.FirstHop = !plan.IsZeroHop && _locator.TryLocate(stream.Prepared!.NextKey, out var endpoint) ? endpoint : null;
        stream.ProbeInterval = _options.ProbeAfter;
        stream.ExitAnswered = false;
        stream.RouteStartedAt = _time.GetTimestamp();
        stream.Heard(stream.RouteStartedAt);
    }

    /// <summary>Probes quiet routed streams and ends those whose probe went unanswered (from <see cref="Sweep"/>).</summary>
    private void SweepRoutes(long now)
    {
        foreach (var stream in _streams.Values)
        {
            if (stream.AwaitingConnect && !stream.IsFinished && stream.Plan is not null
                && _time.GetElapsedTime(stream.RouteStartedAt, now) > _options.ConnectAnswerTimeout)
            {
                // The exit (alive: it answers the probes below) has not connected to the server; the deadline restarts
                // with each exit tried.
                _ = EndDeadRouteAsync(stream, $"its exit did not report the connection within {_options.ConnectAnswerTimeout.TotalSeconds:0.#} s", StreamFailureKind.ConnectUnanswered);
                continue;
            }

            if (stream.IsFinished || stream.Plan is not { IsZeroHop: false } || stream.ClientClosedAt >= 0 || stream.IsSendingProbe)
            {
                continue;
            }

            long probeSentAt = stream.ProbeSentAt;
            if (probeSentAt >= 0)
            {
                // A route not yet proven may still be opening its links (up to a connect timeout per hop) on a busy machine.
                var timeout = stream.ExitAnswered ? _options.ProbeTimeout : _options.FirstAnswerTimeout;
                if (_time.GetElapsedTime(probeSentAt, now) > timeout)
                {
                    _ = EndDeadRouteAsync(stream, $"its exit did not answer a probe within {timeout.TotalSeconds:0.#} s");
                }

                continue;
            }

            if (stream.LastProbeAt >= 0)
            {
                // The last probe came back: after progress start again from the short interval, else back off.
                stream.ProbeInterval = stream.LastActivity > stream.LastProbeAt
                    ? _options.ProbeAfter
                    : TimeSpan.FromTicks(Math.Min(stream.ProbeInterval.Ticks * 2, _options.MaxProbeInterval.Ticks));
            }

            long quietSince = Math.Max(stream.HeardAt, stream.LastActivity);
            if (_time.GetElapsedTime(quietSince, now) > stream.ProbeInterval && stream.TryStartProbe(now))
            {
                _ = ProbeAsync(stream, now);
            }
        }
    }

    private async Task ProbeAsync(ProxyStream stream, long started)
    {
        try
        {
            await stream.SendGate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (!stream.IsFinished)
                {
                    // Retained like the requests: a resend to another exit (TryAnotherExitAsync) must not leave a gap in the
                    // sequence where the probe was, or that exit would wait for it for good.
                    var probe = new SequencedPacket(ReadOnlyMemory<byte>.Empty, stream.NextRequestSequence++, LastData: false);
                    Retain(stream, probe);
                    await TransmitAsync(stream, probe, CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                stream.SendGate.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or CryptDeException or CoresDecodeException)
        {
            LogStreamExpired(stream.Key.ToString(), $"its probe could not be sent ({e.GetType().Name})");
        }
        finally
        {
            stream.ProbeSent(started, _time.GetTimestamp());
        }
    }

    private async Task EndDeadRouteAsync(ProxyStream stream, string reason, StreamFailureKind kind = StreamFailureKind.RouteFailed)
    {
        if (!Remove(stream))
        {
            return;
        }

        bool answered = stream.ResponseSeen;
        LogRouteDead(stream.Key.ToString(), stream.Host ?? "<unknown>", reason, answered ? "closed the browser connection" : "answered with an error");
        try
        {
            if (answered)
            {
                stream.Sink.Abort(stream);
            }
            else
            {
                await stream.Sink.FailAsync(
                    stream,
                    stream.Protocol == ProxyProtocol.Tls ? ServerImpersonator.TlsAlert(ServerImpersonator.AlertInternalError) : ServerImpersonator.RouteFailed(stream.Host),
                    new StreamFailure(kind),
                    CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        // The exit may be alive (only a relay of the way back died): tell it the browser is gone.
        await SendLastDataQuietlyAsync(stream).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = DataPathEventIds.RouteDead, Level = LogLevel.Warning, Message = "Stream {StreamKey} to {Host} lost its route: {Reason}; {Outcome}")]
    private partial void LogRouteDead(string streamKey, string host, string reason, string outcome);
}
