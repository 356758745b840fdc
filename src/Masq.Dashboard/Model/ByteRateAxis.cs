using System.Globalization;

namespace Masq.Dashboard.Model;

/// <summary>
/// The value axis of a chart of bytes per second, in the binary unit <see cref="Amounts.BinaryUnit"/> picks for the
/// largest rate (B/s, KiB/s, MiB/s…), as the Overview's table writes rates. The range starts at zero; ticks fall on
/// 1, 2 or 5 × 10ⁿ of the unit.
/// </summary>
public sealed class ByteRateAxis
{
    private const int TargetIntervals = 5;

    private ByteRateAxis(double bytesPerUnit, ValueAxis axis)
    {
        BytesPerUnit = bytesPerUnit;
        Axis = axis;
    }

    /// <summary>Bytes per axis unit: 1 for B/s, 1024 for KiB/s, 1 048 576 for MiB/s…</summary>
    public double BytesPerUnit { get; }

    public ValueAxis Axis { get; }

    /// <summary>The axis unit, e.g. <c>MiB/s</c>.</summary>
    public string Unit => Axis.Unit;

    public static ByteRateAxis For(IEnumerable<double> bytesPerSecond)
    {
        var high = 0.0;
        foreach (var rate in bytesPerSecond)
        {
            if (double.IsFinite(rate))
            {
                high = Math.Max(high, rate);
            }
        }
        var (unit, perUnit) = Amounts.BinaryUnit(high);
        var scaled = high / perUnit;
        var step = NiceStep(scaled / TargetIntervals);
        if (perUnit == 1)
        {
            // Whole bytes: no tick at half a byte per second.
            step = Math.Max(1, step);
        }
        var max = high > 0 ? (Math.Floor(scaled / step) + 1) * step : TargetIntervals * step;
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        var ticks = new List<AxisTick>();
        for (var i = 0; i * step <= max + (step / 2); i++)
        {
            var value = Math.Round(i * step, decimals);
            ticks.Add(new AxisTick(value, value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)));
        }
        return new ByteRateAxis(perUnit, new ValueAxis(unit + "/s", 0, max, ticks));
    }

    /// <summary>A rate where the chart draws it, in the axis unit.</summary>
    public double Plot(double bytesPerSecond) => bytesPerSecond / BytesPerUnit;

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ not below <paramref name="rough"/> (1 for zero).</summary>
    private static double NiceStep(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough))
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in (ReadOnlySpan<double>)[1, 2, 5])
        {
            if (factor * power >= rough * (1 - 1e-12))
            {
                return factor * power;
            }
        }
        return 10 * power;
    }
}
