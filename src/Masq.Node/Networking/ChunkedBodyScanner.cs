using System.Buffers;

namespace Masq.Node.Networking;

/// <summary>
/// Follows a chunked request body (RFC 9112 §7.1) as it arrives, so the proxy knows where the request ends and the
/// next one begins. It only measures: the bytes themselves are forwarded unchanged. Never throws for bad input.
/// </summary>
internal sealed class ChunkedBodyScanner
{
    private const int MaxLineLength = 4096;
    private const int MaxTrailerLength = 64 * 1024;

    private State _state = State.SizeLine;
    private long _remaining;
    private int _trailerBytes;

    private enum State
    {
        SizeLine,
        Data,
        DataEnd,
        Trailer,
        Done,
    }

    public bool IsComplete => _state == State.Done;

    /// <summary>
    /// Consumes as much of <paramref name="buffer"/> as belongs to the body and can be checked now.
    /// </summary>
    /// <returns>The number of body bytes at the start of <paramref name="buffer"/>; -1 when the framing is invalid.</returns>
    public long Advance(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (!reader.End && _state != State.Done)
        {
            switch (_state)
            {
                case State.SizeLine:
                {
                    if (!TryReadLine(ref reader, out var line, out bool invalid))
                    {
                        return invalid ? -1 : reader.Consumed;
                    }

                    if (!TryParseSize(line, out _remaining))
                    {
                        return -1;
                    }

                    _state = _remaining == 0 ? State.Trailer : State.Data;
                    break;
                }

                case State.Data:
                {
                    long take = Math.Min(_remaining, reader.Remaining);
                    reader.Advance(take);
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        _state = State.DataEnd;
                    }

                    break;
                }

                case State.DataEnd:
                {
                    if (reader.Remaining < 2)
                    {
                        return reader.Consumed;
                    }

                    if (!reader.IsNext("\r\n"u8, advancePast: true))
                    {
                        return -1;
                    }

                    _state = State.SizeLine;
                    break;
                }

                case State.Trailer:
                {
                    if (!TryReadLine(ref reader, out var line, out bool invalid))
                    {
                        return invalid ? -1 : reader.Consumed;
                    }

                    _trailerBytes += (int)line.Length + 2;
                    if (_trailerBytes > MaxTrailerLength)
                    {
                        return -1;
                    }

                    if (line.Length == 0)
                    {
                        _state = State.Done;
                    }

                    break;
                }
            }
        }

        return reader.Consumed;
    }

    /// <summary>Reads a CRLF-terminated line; leaves the reader where it was when the line is not complete yet.</summary>
    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line, out bool invalid)
    {
        invalid = false;
        if (!reader.TryReadTo(out line, "\r\n"u8, advancePastDelimiter: true))
        {
            invalid = reader.Remaining > MaxLineLength;
            return false;
        }

        if (line.Length > MaxLineLength)
        {
            invalid = true;
            return false;
        }

        return true;
    }

    private static bool TryParseSize(in ReadOnlySequence<byte> line, out long size)
    {
        size = 0;
        Span<byte> text = stackalloc byte[MaxLineLength];
        int length = (int)line.Length;
        line.CopyTo(text);
        var span = text[..length];
        int semicolon = span.IndexOf((byte)';');
        var digits = (semicolon < 0 ? span : span[..semicolon]).TrimEnd((byte)' ').TrimEnd((byte)'\t');
        if (digits.IsEmpty || digits.Length > 15)
        {
            return false;
        }

        foreach (byte b in digits)
        {
            int value = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            size = (size * 16) + value;
        }

        return true;
    }
}
