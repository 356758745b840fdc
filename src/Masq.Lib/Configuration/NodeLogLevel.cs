namespace Masq.Lib.Configuration;

/// <summary>
/// The Node's log-file level (<c>--log-level</c>). Not named <c>LogLevel</c> so it never collides with
/// <c>Microsoft.Extensions.Logging.LogLevel</c> in files that use both.
/// </summary>
public enum NodeLogLevel
{
    Off,
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}
