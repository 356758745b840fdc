using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Masq.Lib.Ui;

/// <summary>
/// One UI message: <c>{"opcode":s,"contextId":u64,"payload":{…}}</c>, or <c>"error":{"code","message"}</c>
/// instead of <c>payload</c>. A missing <c>contextId</c> means fire-and-forget.
/// </summary>
public sealed record UiEnvelope
{
    private UiEnvelope(string opcode, ulong? contextId, string? payloadJson, UiMessageError? error)
    {
        Opcode = opcode;
        ContextId = contextId;
        PayloadJson = payloadJson;
        Error = error;
    }

    public string Opcode { get; }

    /// <summary>Present for conversational messages; absent for fire-and-forget and broadcasts.</summary>
    public ulong? ContextId { get; }

    /// <summary>The payload as JSON text, or <c>null</c> when this is an error.</summary>
    public string? PayloadJson { get; }

    public UiMessageError? Error { get; }

    public bool IsConversational => ContextId.HasValue;

    public static UiEnvelope ForPayload(string opcode, ulong? contextId, string payloadJson) =>
        new(opcode, contextId, payloadJson, null);

    public static UiEnvelope ForError(string opcode, ulong? contextId, ulong code, string message) =>
        new(opcode, contextId, null, new UiMessageError(code, message));

    /// <summary>Builds an envelope from a typed message body.</summary>
    public static UiEnvelope From<T>(T body, ulong? contextId = null)
        where T : IUiMessage =>
        new(T.Opcode, contextId, JsonSerializer.Serialize(body, (JsonTypeInfo<T>)UiJson.Context.GetTypeInfo(typeof(T))!), null);

    /// <summary>The error response to this request, with the same opcode and contextId.</summary>
    public UiEnvelope ErrorReply(ulong code, string message) => ForError(Opcode, ContextId, code, message);

    /// <summary>The response to this request, with the same opcode and contextId.</summary>
    public UiEnvelope Reply<T>(T body)
        where T : IUiMessage => From(body, ContextId);

    /// <summary>Deserializes the payload as <typeparamref name="T"/>.</summary>
    /// <returns>false with a reason when the payload is missing, is an error, or does not fit the type.</returns>
    public bool TryGetPayload<T>(out T payload, out string problem)
        where T : IUiMessage
    {
        payload = default!;
        if (PayloadJson is null)
        {
            problem = Error is null ? "payload is missing" : $"message is an error: {Error.Message}";
            return false;
        }
        try
        {
            var typeInfo = (JsonTypeInfo<T>)UiJson.Context.GetTypeInfo(typeof(T))!;
            var value = JsonSerializer.Deserialize(PayloadJson, typeInfo);
            if (value is null)
            {
                problem = "payload is null";
                return false;
            }
            payload = value;
            problem = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            problem = e.Message;
            return false;
        }
        catch (NotSupportedException e)
        {
            problem = e.Message;
            return false;
        }
    }

    /// <summary>Deserializes the payload or throws <see cref="UiProtocolException"/>.</summary>
    public T GetPayload<T>()
        where T : IUiMessage =>
        TryGetPayload<T>(out var payload, out var problem)
            ? payload
            : throw new UiProtocolException($"Could not read '{Opcode}' payload: {problem}");

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("opcode", Opcode);
            if (ContextId is { } id)
            {
                writer.WriteNumber("contextId", id);
            }
            if (Error is { } error)
            {
                writer.WriteStartObject("error");
                writer.WriteNumber("code", error.Code);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }
            else
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(PayloadJson ?? "{}", skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Parses envelope text following the reference's unmarshal rules: critical faults (not JSON, not an object,
    /// bad or missing opcode, non-u64 contextId) give <see cref="UiEnvelopeParse.Critical"/>; a missing or
    /// mistyped payload/error gives <see cref="UiEnvelopeParse.NonCritical"/> with the opcode and contextId.
    /// Never throws.
    /// </summary>
    public static UiEnvelopeParse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return UiEnvelopeParse.Critical($"Message is not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return UiEnvelopeParse.Critical("Message is not a JSON object");
            }
            if (!root.TryGetProperty("opcode", out var opcodeElement) || opcodeElement.ValueKind != JsonValueKind.String)
            {
                return UiEnvelopeParse.Critical("Message has no 'opcode' string");
            }
            var opcode = opcodeElement.GetString()!;
            if (opcode.Length == 0)
            {
                return UiEnvelopeParse.Critical("Message has an empty 'opcode'");
            }
            ulong? contextId = null;
            if (root.TryGetProperty("contextId", out var contextElement) && contextElement.ValueKind != JsonValueKind.Null)
            {
                if (contextElement.ValueKind != JsonValueKind.Number || !contextElement.TryGetUInt64(out var id))
                {
                    return UiEnvelopeParse.Critical("'contextId' is not an unsigned 64-bit integer");
                }
                contextId = id;
            }
            var hasPayload = root.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null;
            var hasError = root.TryGetProperty("error", out var errorElement) && errorElement.ValueKind != JsonValueKind.Null;
            if (hasPayload && hasError)
            {
                return UiEnvelopeParse.NonCritical(opcode, contextId, "Message has both 'payload' and 'error'");
            }
            if (hasPayload)
            {
                if (payloadElement.ValueKind != JsonValueKind.Object)
                {
                    return UiEnvelopeParse.NonCritical(opcode, contextId, "'payload' is not a JSON object");
                }
                return UiEnvelopeParse.Ok(ForPayload(opcode, contextId, payloadElement.GetRawText()));
            }
            if (hasError)
            {
                if (errorElement.ValueKind != JsonValueKind.Object
                    || !errorElement.TryGetProperty("code", out var codeElement)
                    || codeElement.ValueKind != JsonValueKind.Number
                    || !codeElement.TryGetUInt64(out var code)
                    || !errorElement.TryGetProperty("message", out var messageElement)
                    || messageElement.ValueKind != JsonValueKind.String)
                {
                    return UiEnvelopeParse.NonCritical(opcode, contextId, "'error' must be {\"code\":u64,\"message\":string}");
                }
                return UiEnvelopeParse.Ok(ForError(opcode, contextId, code, messageElement.GetString()!));
            }
            return UiEnvelopeParse.NonCritical(opcode, contextId, "Message has neither 'payload' nor 'error'");
        }
    }
}
