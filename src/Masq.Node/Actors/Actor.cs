using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Actors;

/// <summary>
/// A stateful subsystem: owns its state and a bounded mailbox read by one loop. A message that fails is logged
/// and the actor goes on; only the <c>--crash-point message</c> test hook makes it stop the Node.
/// </summary>
internal abstract class Actor<TMessage>(string key, NodeFailure failure, ILogger logger, int capacity = 1024) : BackgroundService, ICrashable
    where TMessage : class
{
    private readonly Channel<Letter> _mailbox = Channel.CreateBounded<Letter>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>The actor's key for <c>crash</c> requests (BLOCKCHAINBRIDGE, DISPATCHER, …).</summary>
    public string Key { get; } = key;

    public ValueTask PostAsync(TMessage message, CancellationToken cancellationToken = default) =>
        _mailbox.Writer.WriteAsync(new Letter(message, null), cancellationToken);

    public bool TryPost(TMessage message) => _mailbox.Writer.TryWrite(new Letter(message, null));

    public void Crash(string panicMessage) => _mailbox.Writer.TryWrite(new Letter(null, panicMessage));

    protected abstract ValueTask HandleAsync(TMessage message, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var letter in _mailbox.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
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
            catch (Exception e) when (e is not OutOfMemoryException and not CrashTestException)
            {
                logger.LogError(e, "{Actor} failed to handle {Message}", Key, letter.Message!.GetType().Name);
            }
        }
    }

    private sealed record Letter(TMessage? Message, string? PanicMessage);
}
