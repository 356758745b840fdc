using System.Runtime.Versioning;

// The integration tests read /proc and use Unix file modes and signals: they run on Linux, as CI does.
[assembly: SupportedOSPlatform("linux")]
