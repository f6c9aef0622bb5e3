using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Api.Domain.Classification;

/// <summary>The stored form of a scheme: the same JSON clients send (camelCase, enums by name).</summary>
public static class GradingSchemeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(GradingScheme scheme) => JsonSerializer.Serialize(scheme, Options);

    public static GradingScheme Deserialize(string json) =>
        JsonSerializer.Deserialize<GradingScheme>(json, Options) ?? throw new InvalidOperationException("A stored scheme is empty.");

    public static string SerializeResult(GradingResult result) => JsonSerializer.Serialize(result, Options);

    public static GradingResult DeserializeResult(string json) =>
        JsonSerializer.Deserialize<GradingResult>(json, Options) ?? throw new InvalidOperationException("A stored explanation is empty.");
}
