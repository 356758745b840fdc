namespace Masq.Lib.PortMapping;

/// <summary>An element of a UPnP document: its local name and its own text, if any.</summary>
internal readonly record struct XmlElementText(string Name, string? Text);
