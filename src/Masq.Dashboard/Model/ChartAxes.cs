using System.Globalization;

namespace Masq.Dashboard.Model;

/// <summary>One labelled tick of a chart's value axis: where it is (in the axis unit) and what it reads.</summary>
public sealed record AxisTick(double Value, string Label);

/// <summary>A value axis worked out on the server: its unit, its range and its ticks with exact labels.</summary>
public sealed record ValueAxis(string Unit, double Min, double Max, IReadOnlyList<AxisTick> Ticks);

/// <summary>What a chart is told besides its data: the time range (Unix seconds) and, optionally, its value axis.</summary>
public sealed record ChartLayout(double XMin, double XMax, ValueAxis? Y);

/// <summary>The time axis of a chart: never narrower than <see cref="MinWindow"/>, so one sample still has a time axis.</summary>
public static class TimeAxis
{
    /// <summary>The narrowest time range a chart shows.</summary>
    public static readonly TimeSpan MinWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The range for samples at <paramref name="times"/> (Unix seconds, oldest first; nulls ignored): from the first
    /// sample to <paramref name="now"/> (or the last sample, if later), widened to <see cref="MinWindow"/> ending there.
    /// </summary>
    public static (double Min, double Max) Range(IEnumerable<double?> times, DateTimeOffset now)
    {
        var end = now.ToUnixTimeMilliseconds() / 1000.0;
        var start = double.PositiveInfinity;
        foreach (var time in times)
        {
            if (time is { } t && double.IsFinite(t))
            {
                start = Math.Min(start, t);
                end = Math.Max(end, t);
            }
        }
        return (Math.Min(start, end - MinWindow.TotalSeconds), end);
    }
}

/// <summary>
/// The value axis of an amounts chart, from exact gwei: MASQ when the amounts reach 0.01 MASQ (what
/// <see cref="Amounts.Masq(decimal)"/> shows as a number), gwei below that, as the totals and tables show it. The range
/// always takes in zero; ticks fall on 1, 2 or 5 × 10ⁿ and are labelled exactly, with as many decimals as the step has.
/// </summary>
public sealed class AmountAxis
{
    private const int TargetIntervals = 5;
    private const decimal MasqThresholdGwei = 10_000_000m;

    private AmountAxis(decimal unitGwei, ValueAxis axis)
    {
        UnitGwei = unitGwei;
        Axis = axis;
    }

    /// <summary>gwei per axis unit: 1 000 000 000 for MASQ, 1 for gwei.</summary>
    public decimal UnitGwei { get; }

    public ValueAxis Axis { get; }

    public string Unit => Axis.Unit;

    public static AmountAxis For(IEnumerable<decimal> gweiAmounts)
    {
        decimal low = 0, high = 0;
        foreach (var gwei in gweiAmounts)
        {
            low = Math.Min(low, gwei);
            high = Math.Max(high, gwei);
        }
        if (low == high)
        {
            // Nothing but zeros: a plain 0–1 MASQ axis, zero on its floor.
            return Build(Amounts.GweiPerMasq, 0, Amounts.GweiPerMasq, Amounts.GweiPerMasq / TargetIntervals);
        }
        var unitGwei = Math.Max(-low, high) >= MasqThresholdGwei ? Amounts.GweiPerMasq : 1m;
        var step = NiceStep((high - low) / TargetIntervals);
        // Head room: a value never lies on the frame (a maximum on a tick gets one step more).
        var min = low < 0 ? (decimal.Ceiling(low / step) - 1) * step : 0;
        var max = high > 0 ? (decimal.Floor(high / step) + 1) * step : 0;
        return Build(unitGwei, min, max, step);
    }

    /// <summary>An amount where the chart draws it, in the axis unit.</summary>
    public double Plot(decimal gwei) => (double)(gwei / UnitGwei);

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ gwei (at least 1 gwei) not below <paramref name="rough"/>.</summary>
    internal static decimal NiceStep(decimal rough)
    {
        var power = 1m;
        while (power * 10 <= rough)
        {
            power *= 10;
        }
        foreach (var factor in (ReadOnlySpan<decimal>)[1m, 2m, 5m])
        {
            if (factor * power >= rough)
            {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static AmountAxis Build(decimal unitGwei, decimal min, decimal max, decimal step)
    {
        var decimals = Decimals(step / unitGwei);
        var format = "N" + decimals.ToString(CultureInfo.InvariantCulture);
        var ticks = new List<AxisTick>();
        for (var tick = min; tick <= max; tick += step)
        {
            var value = tick / unitGwei;
            ticks.Add(new AxisTick((double)value, value.ToString(format, CultureInfo.InvariantCulture)));
        }
        var unit = unitGwei == 1m ? "gwei" : "MASQ";
        return new AmountAxis(unitGwei, new ValueAxis(unit, (double)(min / unitGwei), (double)(max / unitGwei), ticks));
    }

    /// <summary>How many decimals it takes to write <paramref name="value"/> exactly.</summary>
    private static int Decimals(decimal value)
    {
        var decimals = 0;
        while (value != decimal.Truncate(value))
        {
            value *= 10;
            decimals++;
        }
        return decimals;
    }
}
