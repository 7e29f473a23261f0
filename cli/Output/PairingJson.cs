using System.Text.Json;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>pairing</c> object of the replay and validate documents: where the mappings came from and how the
/// pairer matched their ends, under the same keys in both.</summary>
public static class PairingJson
{
    /// <param name="source">Which events the mappings were built from, where the report chose among them.</param>
    public static void Write(PairingStatistics pairing, MappingSourceKind? source, Utf8JsonWriter json)
    {
        json.WriteStartObject("pairing");
        json.WriteEnum("source", source);
        json.WriteNumber("mapsFromKprobes", pairing.MapsFromKprobes);
        json.WriteNumber("mapsFromDmaEvents", pairing.MapsFromDmaEvents);
        json.WriteNumber("mapsFromBouncedEvents", pairing.MapsFromBouncedEvents);
        json.WriteNumber("mapsFromBlockRequests", pairing.MapsFromBlockRequests);
        json.WriteNumber("unmapsSeen", pairing.UnmapsSeen);
        json.WriteNumber("unmapsRecovered", pairing.UnmapsRecovered);
        json.WriteNumber("unmapsFromCompletions", pairing.UnmapsFromCompletions);
        json.WriteNumber("unmapsAssumed", pairing.UnmapsAssumed);
        json.WriteNumber("unreturned", pairing.Unreturned);
        json.WriteNumber("unpairedReturns", pairing.UnpairedReturns);
        json.WriteNumber("nvmeCommands", pairing.NvmeCommands);
        json.WriteNumber("mapEntriesAnsweredByDmaEvents", pairing.MapEntriesAnsweredByDmaEvents);
        json.WriteNumber("cappedScatterLists", pairing.CappedScatterLists);
        json.WriteNumber("scatterListEntriesNotShown", pairing.ScatterListEntriesNotShown);
        json.WriteNumber("failedScatterLists", pairing.FailedScatterLists);
        json.WriteEndObject();
    }
}
