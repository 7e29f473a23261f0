using System.Text.Json;
using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>How every report shows what the capture's placements showed of a pool nothing stated.</summary>
public static class InferredPoolOutput
{
    public static IEnumerable<string> Lines(InferredPool? inference)
    {
        if (inference is null)
            yield break;
        yield return $"inferred: {inference.Evidence}";
        if (inference.RunnerUp is { } runnerUp)
            yield return $"runner-up: {runnerUp}";
    }

    public static void Write(InferredPool? inference, Utf8JsonWriter json)
    {
        if (inference is null)
            return;
        json.WriteStartObject("inference");
        json.WriteNumber("explained", inference.Explained);
        json.WriteNumber("predicted", inference.Predicted);
        json.WriteString("evidence", inference.Evidence);
        if (inference.RunnerUp is { } runnerUp)
            json.WriteString("runnerUp", runnerUp);
        json.WriteEndObject();
    }
}
