namespace Masq.Lib.Configuration;

/// <summary>The operating-system family, where paths and the privilege drop differ.</summary>
public enum HostPlatform
{
    Linux,
    MacOs,
    Windows,
}
