using System.Text.Json;
using System.Text.Json.Serialization;

namespace Masq.Lib.Ui.Messages;

internal sealed class UiSetupErrorJsonConverter : JsonConverter<UiSetupError>
{
    public override UiSetupError Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A setup error must be [parameter, reason]");
        }
        reader.Read();
        var parameter = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("parameter must be a string");
        reader.Read();
        var reason = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("reason must be a string");
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A setup error must have exactly two elements");
        }
        return new UiSetupError(parameter, reason);
    }

    public override void Write(Utf8JsonWriter writer, UiSetupError value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Parameter);
        writer.WriteStringValue(value.Reason);
        writer.WriteEndArray();
    }
}
