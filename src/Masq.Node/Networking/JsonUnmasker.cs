using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Masq.Node.Networking;

/// <summary>
/// Cuts JSON objects out of a clandestine stream by brace depth, ignoring braces inside <c>"</c> or <c>'</c> strings
/// and honouring <c>\</c> escapes (the reference framer), then takes the object's <c>bodyData</c> (base64) or
/// <c>bodyText</c>. The scan position survives between calls, so a frame that arrives a byte at a time still costs
/// linear time.
/// </summary>
internal sealed class JsonUnmasker(int maxFrameLength) : IUnmasker
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("{}\"'"u8);

    private long _scanned;
    private int _depth;
    private byte _quote;
    private bool _escaped;
    private bool _started;

    public UnmaskStatus TryUnmask(in ReadOnlySequence<byte> input, IBufferWriter<byte> output, out long consumed)
    {
        consumed = 0;
        long frameLength = Scan(input);
        if (frameLength == -2)
        {
            return UnmaskStatus.Malformed;
        }

        if (frameLength < 0)
        {
            return _scanned > maxFrameLength ? UnmaskStatus.Malformed : UnmaskStatus.Incomplete;
        }

        Reset();
        if (frameLength > maxFrameLength)
        {
            return UnmaskStatus.Malformed;
        }

        consumed = frameLength;
        return Extract(input.Slice(0, frameLength), output) ? UnmaskStatus.Frame : UnmaskStatus.Malformed;
    }

    private void Reset()
    {
        _scanned = 0;
        _depth = 0;
        _quote = 0;
        _escaped = false;
        _started = false;
    }

    /// <returns>The frame's length when its closing brace is found; -1 for "not yet", -2 for not JSON.</returns>
    private long Scan(in ReadOnlySequence<byte> input)
    {
        long position = _scanned;
        foreach (var memory in input.Slice(_scanned))
        {
            var span = memory.Span;
            int i = 0;
            while (i < span.Length)
            {
                if (!_started)
                {
                    byte b = span[i++];
                    if (b == (byte)'{')
                    {
                        _started = true;
                        _depth = 1;
                    }
                    else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    {
                        return -2;
                    }

                    continue;
                }

                if (_quote != 0)
                {
                    if (_escaped)
                    {
                        _escaped = false;
                        i++;
                        continue;
                    }

                    int k = span[i..].IndexOfAny(_quote, (byte)'\\');
                    if (k < 0)
                    {
                        i = span.Length;
                        break;
                    }

                    i += k;
                    if (span[i] == (byte)'\\')
                    {
                        _escaped = true;
                    }
                    else
                    {
                        _quote = 0;
                    }

                    i++;
                    continue;
                }

                int j = span[i..].IndexOfAny(Structural);
                if (j < 0)
                {
                    i = span.Length;
                    break;
                }

                i += j;
                byte c = span[i++];
                if (c == (byte)'{')
                {
                    _depth++;
                }
                else if (c == (byte)'}')
                {
                    if (--_depth == 0)
                    {
                        return position + i;
                    }
                }
                else
                {
                    _quote = c;
                }
            }

            position += span.Length;
            if (position > maxFrameLength)
            {
                _scanned = position;
                return -1;
            }
        }

        _scanned = position;
        return -1;
    }

    private static ReadOnlySpan<byte> DataPrefix => "{\"bodyData\":\""u8;

    private static ReadOnlySpan<byte> DataSuffix => "\"}"u8;

    private static bool Extract(in ReadOnlySequence<byte> frame, IBufferWriter<byte> output) =>
        TryExtractPlain(frame, output) || ExtractJson(frame, output);

    /// <summary>
    /// The fast path for the frames this Node's own masquerader writes, <c>{"bodyData":"&lt;base64&gt;"}</c> exactly:
    /// decodes the base64 without a JSON reader's pass over it. Writes nothing and returns false for any other frame
    /// (whitespace, escapes, other fields, bodyText, bad base64), which the JSON reader then judges.
    /// </summary>
    private static bool TryExtractPlain(in ReadOnlySequence<byte> frame, IBufferWriter<byte> output)
    {
        long textLength = frame.Length - DataPrefix.Length - DataSuffix.Length;
        if (textLength < 0 || textLength % 4 != 0 || textLength > int.MaxValue)
        {
            return false;
        }

        Span<byte> edge = stackalloc byte[16];
        var head = frame.Slice(0, DataPrefix.Length);
        var tail = frame.Slice(frame.Length - DataSuffix.Length);
        head.CopyTo(edge);
        if (!edge[..DataPrefix.Length].SequenceEqual(DataPrefix))
        {
            return false;
        }

        tail.CopyTo(edge);
        if (!edge[..DataSuffix.Length].SequenceEqual(DataSuffix))
        {
            return false;
        }

        var body = frame.Slice(DataPrefix.Length, textLength);
        byte[]? rented = null;
        ReadOnlySpan<byte> text;
        if (body.IsSingleSegment)
        {
            text = body.FirstSpan;
        }
        else
        {
            rented = ArrayPool<byte>.Shared.Rent((int)textLength);
            body.CopyTo(rented);
            text = rented.AsSpan(0, (int)textLength);
        }

        try
        {
            int padding = text.Length == 0 ? 0 : text[^1] != (byte)'=' ? 0 : text[^2] == (byte)'=' ? 2 : 1;
            int expected = (text.Length / 4 * 3) - padding;
            var destination = output.GetSpan(Math.Max(expected, 1));
            var status = Base64.DecodeFromUtf8(text, destination, out int read, out int written);
            if (status != OperationStatus.Done || read != text.Length || written != expected)
            {
                return false;
            }

            output.Advance(written);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool ExtractJson(in ReadOnlySequence<byte> frame, IBufferWriter<byte> output)
    {
        var json = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = 8 });
        bool found = false;
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                bool isData = json.ValueTextEquals("bodyData"u8);
                bool isText = !isData && json.ValueTextEquals("bodyText"u8);
                if (!json.Read())
                {
                    return false;
                }

                if (isData || isText)
                {
                    if (found || json.TokenType != JsonTokenType.String || !CopyValue(ref json, isData, output))
                    {
                        return false;
                    }

                    found = true;
                }
                else
                {
                    json.Skip();
                }
            }

            return found && json.TokenType == JsonTokenType.EndObject;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8 cannot be unescaped.
            return false;
        }
    }

    private static bool CopyValue(ref Utf8JsonReader json, bool base64, IBufferWriter<byte> output)
    {
        int rawLength = checked((int)(json.HasValueSequence ? json.ValueSequence.Length : json.ValueSpan.Length));
        byte[]? rented = null;
        ReadOnlySpan<byte> text;
        if (!json.HasValueSequence && !json.ValueIsEscaped)
        {
            text = json.ValueSpan;
        }
        else
        {
            rented = ArrayPool<byte>.Shared.Rent(Math.Max(rawLength, 1));
            int length = json.CopyString(rented);
            text = rented.AsSpan(0, length);
        }

        try
        {
            if (!base64)
            {
                text.CopyTo(output.GetSpan(text.Length));
                output.Advance(text.Length);
                return true;
            }

            var destination = output.GetSpan(Base64.GetMaxDecodedFromUtf8Length(text.Length));
            var status = Base64.DecodeFromUtf8(text, destination, out int read, out int written);
            if (status != OperationStatus.Done || read != text.Length)
            {
                return false;
            }

            output.Advance(written);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
