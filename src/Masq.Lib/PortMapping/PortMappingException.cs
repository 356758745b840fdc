namespace Masq.Lib.PortMapping;

/// <summary>A router that did not give a mapping: its message is the one line a user reads (no router, refusal, garbage…).</summary>
public class PortMappingException(string message, Exception? inner = null) : Exception(message, inner);
