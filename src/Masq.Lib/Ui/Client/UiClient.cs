using System.Collections.Concurrent;
using Masq.Lib.Ui.Messages;

namespace Masq.Lib.Ui.Client;

/// <summary>
/// A UI client of the Daemon and the Node, as <c>masq</c> and the dashboard use it: it talks to the Daemon,
/// follows <c>redirect</c>s to the Node, keeps the Daemon connection open for its broadcasts, sends later
/// Node messages straight to the Node, and falls back to the Daemon when the Node goes away.
/// </summary>
/// <remarks>
/// Unlike the reference CLI it keeps both connections, so <c>setup</c>/<c>start</c> still reach the Daemon after a
/// redirect, and a redirected fire-and-forget message is re-sent to the Node instead of being lost.
/// </remarks>
public sealed class UiClient : IAsyncDisposable
{
    /// <summary>How long to wait for the Daemon's or Node's hub to accept a connection.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long to wait for the Node when following a redirect. The reference uses 500 ms; a Node that is busy (or a
    /// cold client process on a loaded machine) can need more, and failing a redirect fails the user's command.
    /// </summary>
    public static readonly TimeSpan RedirectConnectTimeout = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<ulong, Conversation> _conversations = new();
    private readonly SemaphoreSlim _nodeConnectLock = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private readonly UiHubLink _daemon;
    private UiHubLink? _node;
    private long _nextContextId;

    private UiClient(UiHubLink daemon)
    {
        _daemon = daemon;
    }

    /// <summary>Broadcasts and fire-and-forget messages from the Daemon or Node (redirects are handled here).</summary>
    public event Action<UiEnvelope>? MessageReceived;

    /// <summary>The Daemon's connection closed: the Daemon is gone.</summary>
    public event Action? DaemonLost;

    /// <summary>The Node's connection closed (the client now talks to the Daemon again).</summary>
    public event Action? NodeLost;

    public int DaemonPort => _daemon.Port;

    /// <summary>The Node's UI port while connected to it.</summary>
    public int? NodePort => _node is { IsOpen: true } node ? node.Port : null;

    public bool IsDaemonConnected => _daemon.IsOpen;

    /// <summary>Connects to the Daemon's hub (or a Node's hub) on <paramref name="uiPort"/>.</summary>
    /// <exception cref="UiConnectException">Nothing answered within <paramref name="timeout"/>.</exception>
    public static async Task<UiClient> ConnectAsync(int uiPort, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        UiClient? client = null;
#pragma warning disable CA2000 // the client made from the link below owns it and disposes it
        var link = await UiHubLink.ConnectAsync(
            uiPort,
            timeout ?? ConnectTimeout,
            (l, text) => client?.OnMessage(l, text),
            (l, error) => client?.OnClosed(l),
            cancellationToken).ConfigureAwait(false);
#pragma warning restore CA2000
        client = new UiClient(link);
        return client;
    }

    /// <summary>True when a UI hub accepts a connection on the port within the timeout (the Daemon's launch probe).</summary>
    /// <param name="secret">The UI cookie to present; null to read the port's cookie file.</param>
    public static async Task<bool> ProbeAsync(int uiPort, TimeSpan timeout, byte[]? secret = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var link = await UiHubLink.ConnectAsync(uiPort, timeout, (_, _) => { }, (_, _) => { }, cancellationToken, secret).ConfigureAwait(false);
            await link.DisposeAsync().ConfigureAwait(false);
            return true;
        }
        catch (UiConnectException)
        {
            return false;
        }
    }

    /// <summary>Sends a request and waits for its response.</summary>
    /// <exception cref="UiCallException">The answer was an error, or none came in time (TIMEOUT).</exception>
    /// <exception cref="UiConnectionLostException">The connection closed first.</exception>
    public async Task<TResponse> TransactAsync<TRequest, TResponse>(TRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
        where TRequest : IUiMessage
        where TResponse : IUiMessage
    {
        var response = await TransactAsync(UiEnvelope.From(request), timeout, cancellationToken).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            throw new UiCallException(error.Code, error.Message);
        }
        if (!response.TryGetPayload<TResponse>(out var payload, out var problem))
        {
            throw new UiProtocolException($"Node or Daemon is acting erratically: could not read '{response.Opcode}' response: {problem}");
        }
        return payload;
    }

    /// <summary>Sends <paramref name="request"/> (its contextId is replaced) and waits for the envelope that answers it.</summary>
    public async Task<UiEnvelope> TransactAsync(UiEnvelope request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contextId = (ulong)Interlocked.Increment(ref _nextContextId);
        var envelope = request.PayloadJson is { } payload
            ? UiEnvelope.ForPayload(request.Opcode, contextId, payload)
            : UiEnvelope.ForError(request.Opcode, contextId, request.Error!.Code, request.Error.Message);
        var conversation = new Conversation(envelope);
        _conversations[contextId] = conversation;
        try
        {
            var link = RouteFor(envelope.Opcode);
            conversation.Link = link;
            await link.SendAsync(envelope, cancellationToken).ConfigureAwait(false);
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
            timeoutSource.CancelAfter(timeout);
            try
            {
                return await conversation.Completion.Task.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_disposed.IsCancellationRequested)
            {
                throw new UiCallException(UiErrorCodes.Timeout, $"No response from Node or Daemon after {timeout.TotalMilliseconds:0}ms");
            }
        }
        finally
        {
            _conversations.TryRemove(contextId, out _);
        }
    }

    /// <summary>Sends a fire-and-forget message.</summary>
    public Task SendAsync<T>(T message, CancellationToken cancellationToken = default)
        where T : IUiMessage =>
        RouteFor(T.Opcode).SendAsync(UiEnvelope.From(message), cancellationToken);

    /// <summary>Sends raw text to the Daemon (tests of the unmarshal rules).</summary>
    public Task SendRawAsync(string text, CancellationToken cancellationToken = default) => _daemon.SendRawAsync(text, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        await _disposed.CancelAsync().ConfigureAwait(false);
        var node = Interlocked.Exchange(ref _node, null);
        if (node is not null)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
        await _daemon.DisposeAsync().ConfigureAwait(false);
        _disposed.Dispose();
        _nodeConnectLock.Dispose();
    }

    private UiHubLink RouteFor(string opcode)
    {
        if (!Opcodes.IsHandledByDaemon(opcode) && _node is { IsOpen: true } node)
        {
            return node;
        }
        if (!_daemon.IsOpen)
        {
            throw new UiConnectionLostException("The Daemon is no longer running") { WasNode = false };
        }
        return _daemon;
    }

    private void OnMessage(UiHubLink link, string text)
    {
        var parse = UiEnvelope.Parse(text);
        if (parse.Envelope is not { } envelope)
        {
            if (parse.ContextId is { } badId && _conversations.TryGetValue(badId, out var spoiled))
            {
                spoiled.Completion.TrySetException(new UiProtocolException($"Node or Daemon is acting erratically: {parse.Problem}"));
            }
            return;
        }
        if (envelope.ContextId is { } contextId && _conversations.TryGetValue(contextId, out var conversation))
        {
            conversation.Completion.TrySetResult(envelope);
            return;
        }
        if (envelope.Opcode == Opcodes.Redirect && envelope.TryGetPayload<UiRedirect>(out var redirect, out _))
        {
            _ = FollowRedirectAsync(redirect);
            return;
        }
        MessageReceived?.Invoke(envelope);
    }

    private async Task FollowRedirectAsync(UiRedirect redirect)
    {
        Conversation? conversation = null;
        if (redirect.ContextId is { } contextId && !_conversations.TryGetValue(contextId, out conversation))
        {
            return; // the conversation already ended (timed out)
        }
        try
        {
            var node = await ConnectNodeAsync(redirect.Port).ConfigureAwait(false);
            if (conversation is not null)
            {
                conversation.Link = node;
                await node.SendAsync(conversation.Request, _disposed.Token).ConfigureAwait(false);
            }
            else
            {
                await node.SendAsync(UiEnvelope.ForPayload(redirect.Opcode, null, redirect.Payload), _disposed.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is UiConnectException or InvalidOperationException or IOException)
        {
            conversation?.Completion.TrySetException(new UiConnectException($"Could not follow redirect to the Node on port {redirect.Port}: {e.Message}", e));
        }
        catch (OperationCanceledException)
        {
            conversation?.Completion.TrySetCanceled();
        }
    }

    private async Task<UiHubLink> ConnectNodeAsync(int port)
    {
        await _nodeConnectLock.WaitAsync(_disposed.Token).ConfigureAwait(false);
        try
        {
            if (_node is { IsOpen: true } existing && existing.Port == port)
            {
                return existing;
            }
            var stale = Interlocked.Exchange(ref _node, null);
            if (stale is not null)
            {
                await stale.DisposeAsync().ConfigureAwait(false);
            }
            // A Node the Daemon launched shares the Daemon's cookie; one started on its own has its own file.
            var secret = UiCookie.TryReadFor(port, out var own, out _) ? own : _daemon.Secret;
            var link = await UiHubLink.ConnectAsync(port, RedirectConnectTimeout, OnMessage, (l, _) => OnClosed(l), _disposed.Token, secret).ConfigureAwait(false);
            _node = link;
            return link;
        }
        finally
        {
            _nodeConnectLock.Release();
        }
    }

    private void OnClosed(UiHubLink link)
    {
        var isDaemon = ReferenceEquals(link, _daemon);
        if (!isDaemon)
        {
            Interlocked.CompareExchange(ref _node, null, link);
        }
        foreach (var conversation in _conversations.Values)
        {
            if (ReferenceEquals(conversation.Link, link))
            {
                conversation.Completion.TrySetException(new UiConnectionLostException(
                    isDaemon ? "The Daemon's connection closed" : "The Node's connection closed") { WasNode = !isDaemon });
            }
        }
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        if (isDaemon)
        {
            DaemonLost?.Invoke();
        }
        else
        {
            NodeLost?.Invoke();
        }
    }

    private sealed class Conversation(UiEnvelope request)
    {
        public UiEnvelope Request { get; } = request;

        public TaskCompletionSource<UiEnvelope> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public UiHubLink? Link { get; set; }
    }
}
