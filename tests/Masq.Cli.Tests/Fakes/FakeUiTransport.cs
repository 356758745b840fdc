using System.Collections.Concurrent;
using Masq.Cli.Communications;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;

namespace Masq.Cli.Tests.Fakes;

/// <summary>
/// A scripted <see cref="IUiTransport"/>: records what commands send and answers with queued envelopes, errors or
/// exceptions. Answers go through the real JSON contracts (<see cref="UiEnvelope.From{T}"/> / TryGetPayload), as the
/// real client's would.
/// </summary>
internal sealed class FakeUiTransport : IUiTransport
{
    private readonly ConcurrentQueue<Func<UiEnvelope, CancellationToken, Task<UiEnvelope>>> _answers = new();

    public event Action<UiEnvelope>? BroadcastReceived;

    public event Action? DaemonLost;

    /// <summary>Every request and fire-and-forget message, in order.</summary>
    public ConcurrentQueue<UiEnvelope> Sent { get; } = new();

    public ConcurrentQueue<TimeSpan> Timeouts { get; } = new();

    public bool IsDaemonConnected { get; set; } = true;

    public int? NodePort { get; set; }

    public bool Disposed { get; private set; }

    /// <summary>Called for each fire-and-forget message sent.</summary>
    public Action<UiEnvelope>? OnSend { get; set; }

    public FakeUiTransport Answer<T>(T body)
        where T : IUiMessage
    {
        _answers.Enqueue((request, _) => Task.FromResult(UiEnvelope.From(body, request.ContextId)));
        return this;
    }

    public FakeUiTransport AnswerError(ulong code, string message)
    {
        _answers.Enqueue((request, _) => Task.FromResult(UiEnvelope.ForError(request.Opcode, request.ContextId, code, message)));
        return this;
    }

    public FakeUiTransport AnswerRaw(string opcode, string payloadJson)
    {
        _answers.Enqueue((request, _) => Task.FromResult(UiEnvelope.ForPayload(opcode, request.ContextId, payloadJson)));
        return this;
    }

    public FakeUiTransport Fail(Exception exception)
    {
        _answers.Enqueue((_, _) => Task.FromException<UiEnvelope>(exception));
        return this;
    }

    /// <summary>No answer until the command is cancelled (or the test loses the Daemon).</summary>
    public FakeUiTransport Hang()
    {
        _answers.Enqueue(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    public void Broadcast(UiEnvelope envelope) => BroadcastReceived?.Invoke(envelope);

    public void Broadcast<T>(T body)
        where T : IUiMessage => Broadcast(UiEnvelope.From(body));

    public void LoseDaemon()
    {
        IsDaemonConnected = false;
        DaemonLost?.Invoke();
    }

    public async Task<TResponse> TransactAsync<TRequest, TResponse>(TRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        where TRequest : IUiMessage
        where TResponse : IUiMessage
    {
        var envelope = UiEnvelope.From(request, (ulong)(Sent.Count + 1));
        Sent.Enqueue(envelope);
        Timeouts.Enqueue(timeout);
        if (!_answers.TryDequeue(out var answer))
        {
            throw new UiCallException(UiErrorCodes.Timeout, $"No response from Node or Daemon after {timeout.TotalMilliseconds:0}ms");
        }
        var response = await answer(envelope, cancellationToken);
        if (response.Error is { } error)
        {
            throw new UiCallException(error.Code, error.Message);
        }
        return response.TryGetPayload<TResponse>(out var payload, out var problem)
            ? payload
            : throw new UiProtocolException($"Node or Daemon is acting erratically: could not read '{response.Opcode}' response: {problem}");
    }

    public Task SendAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
        where TMessage : IUiMessage
    {
        var envelope = UiEnvelope.From(message);
        Sent.Enqueue(envelope);
        OnSend?.Invoke(envelope);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
