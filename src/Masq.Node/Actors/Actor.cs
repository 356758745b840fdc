using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Actors;

/// <summary>
/// A stateful subsystem: owns its state and a bounded mailbox read by one loop. A message that fails is logged
/// and the actor goes on; only the <c>--crash-point message</c> test hook makes it stop the Node. On stop the
/// mailbox is closed and what is already queued is handled before the loop ends (nothing accepted is lost).
/// </summary>
internal abstract class Actor<TMessage>(string key, NodeFailure failure, ILogger logger, int capacity = 1024) : BackgroundService, ICrashable
    where TMessage : class
{
    private bool _stopping;

    private readonly Channel<Letter> _mailbox = Channel.CreateBounded<Letter>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>The actor's key for <c>crash</c> requests (BLOCKCHAINBRIDGE, DISPATCHER, …).</summary>
    public string Key { get; } = key;

    /// <summary>Queues a message; after the actor has stopped accepting (shutdown) the message is dropped.</summary>
    public async ValueTask PostAsync(TMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            await _mailbox.Writer.WriteAsync(new Letter(message, null), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            logger.LogDebug("{Actor} is stopping; dropped {Message}", Key, message.GetType().Name);
        }
    }

    public bool TryPost(TMessage message) => _mailbox.Writer.TryWrite(new Letter(message, null));

    public void Crash(string panicMessage) => _mailbox.Writer.TryWrite(new Letter(null, panicMessage));

    protected abstract ValueTask HandleAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>Stops accepting messages, lets the loop handle what is queued (within the host's stop time), then stops.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _stopping, true);
        _mailbox.Writer.TryComplete();
        if (ExecuteTask is { } loop)
        {
            try
            {
                await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("{Actor} did not finish its queued messages before the stop deadline", Key);
            }
            catch (CrashTestException)
            {
            }
        }
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reads until the mailbox is closed and drained (see StopAsync), not until the stop signal.
        await foreach (var letter in _mailbox.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (letter.PanicMessage is { } panic)
            {
                failure.Record(Key, panic);
                logger.LogCritical("{Actor} crashed on request: {PanicMessage}", Key, panic);
                throw new CrashTestException($"{Key}: {panic}");
            }
            try
            {
                await HandleAsync(letter.Message!, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException e) when (Volatile.Read(ref _stopping) || stoppingToken.IsCancellationRequested)
            {
                // A message queued as the Node stops (a lost link's re-debut, a timer's tick) may reach a service that
                // has already been disposed; the Node is going away, so it is dropped, not reported as a failure.
                logger.LogDebug("{Actor} dropped {Message} while stopping: {Reason}", Key, letter.Message!.GetType().Name, e.Message);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not CrashTestException)
            {
                logger.LogError(e, "{Actor} failed to handle {Message}", Key, letter.Message!.GetType().Name);
            }
        }
    }

    private sealed record Letter(TMessage? Message, string? PanicMessage);
}
