namespace Swiotlb.Trace.Diff.Findings;

/// <summary>What the device would do with a command whose PRPs break, as a value to group by (<see cref="PrpEffect"/> words it).</summary>
public enum PrpEffectKind
{
    /// <summary>The controller fails the command with Invalid PRP Offset.</summary>
    ControllerRejects,
    /// <summary>The driver refuses the scatterlist before the command is sent.</summary>
    DriverRejects,
    /// <summary>A write: the device reads other bytes than the payload's.</summary>
    WrongDataWritten,
    /// <summary>A read: the device writes the payload to other bytes.</summary>
    WrongDataRead,
    /// <summary>Another data command moves other bytes than its payload's.</summary>
    WrongData,
}
