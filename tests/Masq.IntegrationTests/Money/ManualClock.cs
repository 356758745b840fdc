namespace Masq.IntegrationTests.Money;

/// <summary>A clock the test moves by hand (debts must age by days); the chain keeps its own real time.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
