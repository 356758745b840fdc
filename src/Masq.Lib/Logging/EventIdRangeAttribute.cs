namespace Masq.Lib.Logging;

/// <summary>
/// Marks a static class as one subsystem's table of log event ids and gives the range its ids must stay in, so that
/// an id seen in a log names one subsystem and one line of code. A test in each product checks the ranges.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EventIdRangeAttribute(int first, int last) : Attribute
{
    public int First { get; } = first;

    public int Last { get; } = last;
}
