using System.Text.Json;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>observedBreakage</c> object the replay and inspect documents lead with: what the kernel's own bounce
/// addresses really broke, per outcome.</summary>
public static class ObservedBreakageJson
{
    public static void Write(ReplaySummary summary, Utf8JsonWriter json)
    {
        json.WriteStartObject("observedBreakage");
        json.WriteNumber("commands", summary.Count(FindingRules.Observed));
        json.WriteNumber("driverRejects", summary.Outcomes(ModelKey.Observed, PrpOutcome.DriverRejects));
        json.WriteNumber("misalignedEntry", summary.Outcomes(ModelKey.Observed, PrpOutcome.MisalignedEntry));
        json.WriteNumber("wrongBytes", summary.Outcomes(ModelKey.Observed, PrpOutcome.WrongBytes));
        json.WriteNumber("resubmittedCountedOnce", summary.CommandsResubmitted);
        json.WriteEndObject();
    }
}
