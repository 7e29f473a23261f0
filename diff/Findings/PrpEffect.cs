using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>What the device would do with a command whose PRPs break: its kind, where it starts, and a sentence.</summary>
public static class PrpEffect
{
    private const byte Write = 1, Read = 2;

    public static PrpEffectKind Kind(PrpVerdict verdict, byte opcode) => verdict.Outcome switch
    {
        PrpOutcome.MisalignedEntry => PrpEffectKind.ControllerRejects,
        PrpOutcome.DriverRejects => PrpEffectKind.DriverRejects,
        _ when opcode == Write => PrpEffectKind.WrongDataWritten,
        _ when opcode == Read => PrpEffectKind.WrongDataRead,
        _ => PrpEffectKind.WrongData,
    };

    /// <summary>Where the effect starts: the PRP entry the controller rejects, or the payload's first wrong byte; null for the driver's refusal.</summary>
    public static long? At(PrpVerdict verdict, byte opcode) => Kind(verdict, opcode) switch
    {
        PrpEffectKind.ControllerRejects => verdict.BadEntry,
        PrpEffectKind.DriverRejects => null,
        _ => (long?)verdict.FirstBadByte,
    };

    public static string Describe(PrpVerdict verdict, byte opcode) => Kind(verdict, opcode) switch
    {
        PrpEffectKind.ControllerRejects when verdict.RejectedInCapture =>
            "I/O error: the controller failed it with Invalid PRP Offset (its completion in the capture), although these addresses give well-formed PRPs",
        PrpEffectKind.ControllerRejects => $"I/O error: the controller rejects PRP entry {verdict.BadEntry} (Invalid PRP Offset)",
        PrpEffectKind.DriverRejects => "I/O error: the driver refuses the scatterlist (Invalid SGL for payload)",
        PrpEffectKind.WrongDataWritten => $"wrong data written: the device reads other bytes from byte {verdict.FirstBadByte} of the payload",
        PrpEffectKind.WrongDataRead => $"wrong data read: the device writes the payload from byte {verdict.FirstBadByte} to other bytes",
        _ => $"wrong data from byte {verdict.FirstBadByte} of the payload",
    };
}
