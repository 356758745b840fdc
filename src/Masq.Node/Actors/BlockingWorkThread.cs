using System.Collections.Concurrent;

namespace Masq.Node.Actors;

/// <summary>
/// One dedicated thread for an actor's blocking work (SQLite writes wait for the disk). Run there, a slow fsync never
/// holds one of the thread pool's few threads, which on a two-core machine carry the whole data path: the Accountant
/// writing on a pool thread cost a 3-hop download about 16% of its throughput. Work items run one at a time, in order.
/// </summary>
internal sealed class BlockingWorkThread : IDisposable
{
    private readonly BlockingCollection<(Action Work, TaskCompletionSource Done)> _queue = [];
    private readonly Thread _thread;
    private int _disposed;

    public BlockingWorkThread(string name)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the thread; the task ends as it does (its exception included).</summary>
    public Task RunAsync(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _queue.Add((work, done));
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // Completed or disposed (the Node is stopping): run it here rather than lose it.
            Execute(work, done);
        }

        return done.Task;
    }

    /// <summary>
    /// Lets queued work finish, then ends the thread. Idempotent: the host's container disposes a singleton once per
    /// registration it was resolved through (an actor is registered as itself, a hosted service, a UI handler, …).
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.CompleteAdding();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        _queue.Dispose();
    }

    private void Loop()
    {
        foreach (var (work, done) in _queue.GetConsumingEnumerable())
        {
            Execute(work, done);
        }
    }

    private static void Execute(Action work, TaskCompletionSource done)
    {
        try
        {
            work();
            done.SetResult();
        }
        catch (Exception e)
        {
            done.SetException(e);
        }
    }
}
