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

    private static bool Extract(in ReadOnlySequence<byte> frame, IBufferWriter<byte> output)
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
