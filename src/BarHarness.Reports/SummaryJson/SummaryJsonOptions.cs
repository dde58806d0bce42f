using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BarHarness.Reports.SummaryJson;

/// <summary>
/// The one set of serializer options for summary.json, shared by the writer and the reader so the
/// field names (camelCase), enum spellings (camelCase strings) and left-out members never drift.
/// </summary>
public static class SummaryJsonOptions
{
    public static JsonSerializerOptions Instance { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            IndentSize = 2,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            RespectNullableAnnotations = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutDerivedAndBulkMembers } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    // Computed conveniences (get-only members such as ScenarioResult.FailedExpectations) repeat data
    // already in the file, and per-frame columns would make a 2-hour run's summary tens of megabytes;
    // both stay out. SummaryDocument.Passed is written on purpose at the top level instead.
    private static void LeaveOutDerivedAndBulkMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type == typeof(SummaryDocument))
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null || property.PropertyType == typeof(FrameSeries))
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
