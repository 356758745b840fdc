using System.Text.Json;
using System.Text.Json.Serialization;

namespace Masq.Lib.Ui.Messages;

internal sealed class CrashReasonJsonConverter : JsonConverter<CrashReason>
{
    public override CrashReason Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString() == nameof(CrashReasonKind.NoInformation)
                ? CrashReason.NoInformation
                : throw new JsonException("Unknown crash reason");
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A crash reason is a string or an object");
        }
        reader.Read();
        var kind = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : throw new JsonException("Crash reason object is empty");
        reader.Read();
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Crash reason text must be a string");
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("Crash reason object must have one member");
        }
        return kind switch
        {
            nameof(CrashReasonKind.Unrecognized) => CrashReason.Unrecognized(text),
            nameof(CrashReasonKind.ChildWaitFailure) => CrashReason.ChildWaitFailure(text),
            _ => throw new JsonException($"Unknown crash reason '{kind}'"),
        };
    }

    public override void Write(Utf8JsonWriter writer, CrashReason value, JsonSerializerOptions options)
    {
        if (value.Kind == CrashReasonKind.NoInformation)
        {
            writer.WriteStringValue(nameof(CrashReasonKind.NoInformation));
            return;
        }
        writer.WriteStartObject();
        writer.WriteString(value.Kind.ToString(), value.Text ?? string.Empty);
        writer.WriteEndObject();
    }
}
