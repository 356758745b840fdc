using Masq.Dashboard.State;
using Microsoft.AspNetCore.Components;

namespace Masq.Dashboard.Components;

/// <summary>
/// A component that re-renders when the store changes in the areas it watches, at most once per
/// <see cref="RenderInterval"/> (one run now, at most one queued), and drops its subscription when disposed.
/// </summary>
public abstract class StoreBoundComponent : ComponentBase, IDisposable
{
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(150);

    private IDisposable? _subscription;
    private CallbackThrottle? _throttle;
    private int _pendingAreas;
    private bool _disposed;

    [Inject]
    protected NodeStateStore Store { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    /// <summary>The store areas that make this component render again.</summary>
    protected abstract StoreArea WatchedAreas { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected override void OnInitialized()
    {
        _throttle = new CallbackThrottle(Time, RenderInterval, OnThrottledChangeAsync);
        _subscription = Store.Subscribe(WatchedAreas, changed =>
        {
            Interlocked.Or(ref _pendingAreas, (int)changed);
            _throttle.Signal();
        });
    }

    /// <summary>Runs on the renderer's thread before the re-render, with every area changed since the last one.</summary>
    protected virtual Task OnStoreChangedAsync(StoreArea changed) => Task.CompletedTask;

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (disposing)
        {
            _subscription?.Dispose();
            _throttle?.Dispose();
        }
    }

    private Task OnThrottledChangeAsync() => InvokeAsync(async () =>
    {
        if (_disposed)
        {
            return;
        }
        var changed = (StoreArea)Interlocked.Exchange(ref _pendingAreas, 0);
        await OnStoreChangedAsync(changed);
        StateHasChanged();
    });
}
