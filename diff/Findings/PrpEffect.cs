using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>What the device would do with a command whose PRPs break.</summary>
public static class PrpEffect
{
    public static string Describe(PrpVerdict verdict, byte opcode) => verdict.Outcome switch
    {
        PrpOutcome.MisalignedEntry when verdict.RejectedInCapture =>
            "I/O error: the controller failed it with Invalid PRP Offset (its completion in the capture), although these addresses give well-formed PRPs",
        PrpOutcome.MisalignedEntry => $"I/O error: the controller rejects PRP entry {verdict.BadEntry} (Invalid PRP Offset)",
        PrpOutcome.DriverRejects => "I/O error: the driver refuses the scatterlist (Invalid SGL for payload)",
        PrpOutcome.WrongBytes when opcode == 1 => $"wrong data written: the device reads other bytes from byte {verdict.FirstBadByte} of the payload",
        PrpOutcome.WrongBytes when opcode == 2 => $"wrong data read: the device writes the payload from byte {verdict.FirstBadByte} to other bytes",
        _ => $"wrong data from byte {verdict.FirstBadByte} of the payload",
    };
}
