using Swiotlb.Trace.Cli.Export.Columns;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Cli.Export.Tables;

/// <summary>The <c>events</c> table: every event read, in capture order, header columns typed and payload spread by <see cref="EventFields"/>.</summary>
public sealed class EventTable
{
    public const string Name = "events";

    private readonly TableBuffer _table;
    private readonly CaptureColumns _capture;
    private readonly TimeColumns _time;
    private readonly ValueColumn<int> _cpu;
    private readonly ValueColumn<int> _pid;
    private readonly TextColumn _comm;
    private readonly TextColumn _kind;
    private readonly TextColumn _name;
    private readonly TextColumn _device;
    private readonly ValueColumn<ulong> _address;
    private readonly ValueColumn<ulong> _bounce;
    private readonly ValueColumn<ulong> _size;
    private readonly TextColumn _direction;
    private readonly ValueColumn<int> _queue;
    private readonly ValueColumn<int> _command;
    private readonly ValueColumn<int> _opcode;
    private readonly ValueColumn<ulong> _lba;
    private readonly ValueColumn<uint> _blocks;
    private readonly ValueColumn<int> _status;
    private readonly ValueColumn<ulong> _sector;
    private readonly ValueColumn<uint> _sectors;
    private readonly TextColumn _rwbs;
    private readonly TextColumn _details;

    public EventTable(TableBuffer table)
    {
        _table = table;
        _capture = new CaptureColumns(table);
        _time = new TimeColumns(table, "time_ns", "time");
        _cpu = table.Value<int>("cpu");
        _pid = table.Value<int>("pid");
        _comm = table.Text("comm");
        _kind = table.Text("kind");
        _name = table.Text("name");
        _device = table.Text("device");
        _address = table.Address("address");
        _bounce = table.Address("bounce_address");
        _size = table.Value<ulong>("size");
        _direction = table.Text("direction");
        _queue = table.Value<int>("queue_id");
        _command = table.Value<int>("command_id");
        _opcode = table.Value<int>("opcode");
        _lba = table.Value<ulong>("lba");
        _blocks = table.Value<uint>("blocks");
        _status = table.Value<int>("status");
        _sector = table.Value<ulong>("sector");
        _sectors = table.Value<uint>("sectors");
        _rwbs = table.Text("rwbs");
        _details = table.Text("details");
    }

    public void Add(CaptureIdentity capture, TraceEvent traceEvent)
    {
        _capture.Add(capture);
        var header = traceEvent.Header;
        _time.Add(header.TimestampNs, capture);
        _cpu.Add(header.Cpu);
        _pid.Add(header.Pid);
        _comm.Add(header.Comm);
        _kind.Add(SnakeCase.Of(traceEvent.Kind));
        _name.Add(traceEvent.Name);
        var fields = EventFields.Of(traceEvent);
        _device.Add(fields.Device);
        _address.Add(fields.Address);
        _bounce.Add(fields.BounceAddress);
        _size.Add(fields.Size);
        _direction.Add(fields.Direction);
        _queue.Add(fields.QueueId);
        _command.Add(fields.CommandId);
        _opcode.Add(fields.Opcode);
        _lba.Add(fields.Lba);
        _blocks.Add(fields.Blocks);
        _status.Add(fields.Status);
        _sector.Add(fields.Sector);
        _sectors.Add(fields.Sectors);
        _rwbs.Add(fields.Rwbs);
        _details.Add(fields.Details);
        _table.EndRow();
    }
}
