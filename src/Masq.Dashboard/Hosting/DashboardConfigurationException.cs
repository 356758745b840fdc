namespace Masq.Dashboard.Hosting;

/// <summary>The dashboard was asked to start with settings it refuses (e.g. a non-loopback address).</summary>
public sealed class DashboardConfigurationException : Exception
{
    public DashboardConfigurationException()
    {
        Failures = [];
    }

    public DashboardConfigurationException(string message)
        : base(message)
    {
        Failures = [message];
    }

    public DashboardConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
        Failures = [message];
    }

    public DashboardConfigurationException(IReadOnlyList<string> failures)
        : base(string.Join(Environment.NewLine, failures))
    {
        Failures = failures;
    }

    public IReadOnlyList<string> Failures { get; }
}
