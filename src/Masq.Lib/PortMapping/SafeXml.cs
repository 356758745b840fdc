using System.Text;
using System.Xml;

namespace Masq.Lib.PortMapping;

/// <summary>
/// Reads the XML a UPnP device sends: no DTD (so no entity expansion and no external entities), no resolver, and a
/// byte cap enforced while downloading, so a hostile router can neither read local files nor exhaust memory.
/// </summary>
internal static class SafeXml
{
    public static XmlReaderSettings Settings(int maxBytes) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxBytes,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        Async = false,
    };

    /// <summary>The body of <paramref name="response"/>, refused when it exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<string> ReadCappedAsync(HttpResponseMessage response, int maxBytes, string what, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new PortMappingException($"UPnP: the {what} is {declared} bytes, more than the {maxBytes} accepted");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[maxBytes + 1];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, total);
            }
            total += read;
        }
        throw new PortMappingException($"UPnP: the {what} is more than the {maxBytes} bytes accepted");
    }

    /// <summary>
    /// The elements of <paramref name="xml"/> in document order, each with its own text when it has some. Read
    /// iteratively, so deep nesting costs no stack.
    /// </summary>
    public static List<XmlElementText> Elements(string xml, int maxBytes, string what)
    {
        var elements = new List<XmlElementText>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings(maxBytes));
            var open = -1;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        elements.Add(new XmlElementText(reader.LocalName, null));
                        open = reader.IsEmptyElement ? -1 : elements.Count - 1;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when open >= 0:
                        elements[open] = elements[open] with { Text = reader.Value.Trim() };
                        break;
                    case XmlNodeType.EndElement:
                        open = -1;
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            throw new PortMappingException($"UPnP: the {what} is not acceptable XML: {e.Message}", e);
        }
        return elements;
    }
}
