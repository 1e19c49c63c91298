namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// Where a value ends up: written to a log (PORTAL001), kept somewhere (PORTAL002), a portal return URL (PORTAL010),
    /// the portal customer (PORTAL011). Flags, so a sanitised value can say which sinks it is safe for.
    /// </summary>
    [System.Flags]
    internal enum SinkKind
    {
        None = 0,
        Log = 1,
        Store = 2,
        ReturnUrl = 4,
        Customer = 8,

        /// <summary>A portal configuration created or updated (PORTAL013: reachable from a request handler).</summary>
        ConfigurationWrite = 16,
    }

    /// <summary>How a catalogued member receives the value.</summary>
    internal enum SinkShape
    {
        /// <summary>An argument of a call to the member (a method, or a constructor when the member is ".ctor").</summary>
        Call,

        /// <summary>An assignment to the property.</summary>
        PropertySet,

        /// <summary>An indexer assignment or an <c>Add</c> call on a value of the type (TempData["k"] = v).</summary>
        DictionaryWrite,

        /// <summary>An indexer assignment or an <c>Add</c> call on the collection the property returns (ex.Data["k"] = v).</summary>
        CollectionProperty,

        /// <summary>A dynamic member assignment on the property's value (ViewBag.X = v).</summary>
        DynamicMemberSet,
    }

    /// <summary>
    /// One catalogued sink. <see cref="Members"/> holds exact names, or a prefix ending in '*'. <see cref="Parameters"/>
    /// names the parameters that carry the value; empty means every argument whose type can hold text (except an extension
    /// method's receiver); a leading '!' lists the parameters that never do (a cache key).
    /// </summary>
    internal sealed class SinkEntry
    {
        public SinkEntry(SinkKind kind, string typeName, SinkShape shape, string members, string parameters = "")
        {
            this.Kind = kind;
            this.TypeName = typeName;
            this.Shape = shape;
            this.Members = Split(members);
            this.ExcludesParameters = parameters.StartsWith("!", System.StringComparison.Ordinal);
            this.Parameters = Split(this.ExcludesParameters ? parameters.Substring(1) : parameters);
        }

        public SinkKind Kind { get; }

        public string TypeName { get; }

        public SinkShape Shape { get; }

        public ImmutableArray<string> Members { get; }

        public ImmutableArray<string> Parameters { get; }

        public bool ExcludesParameters { get; }

        public bool MatchesMember(string name)
        {
            foreach (var member in this.Members)
            {
                if (member.EndsWith("*", System.StringComparison.Ordinal)
                    ? name.StartsWith(member.Substring(0, member.Length - 1), System.StringComparison.Ordinal)
                    : name == member)
                {
                    return true;
                }
            }

            return false;
        }

        public bool CarriesParameter(string name)
        {
            return this.Parameters.IsEmpty || (this.Parameters.Contains(name) != this.ExcludesParameters);
        }

        private static ImmutableArray<string> Split(string list)
        {
            return list.Length == 0 ? ImmutableArray<string>.Empty : ImmutableArray.Create(list.Split(','));
        }
    }

    /// <summary>
    /// The sinks of PORTAL001 and PORTAL002, as data (docs/rules/PORTAL001.md and PORTAL002.md list them for users).
    /// Sinks that are rules rather than members are decided from the names at the end: static fields, fields of
    /// <c>this</c> and EF Core entity properties in <see cref="DataFlow.StorageSinks"/>, LoggerMessage delegates and
    /// [LoggerMessage] methods in <see cref="DataFlow.LoggerMessageSinks"/>. Interface and base-class entries also match
    /// implementations and overrides (<see cref="DataFlow.CatalogueSinks"/>).
    /// </summary>
    internal static class SinkCatalogue
    {
        private const string SerilogLevels = "Write,Verbose,Debug,Information,Warning,Error,Fatal,ForContext";
        private const string NLogLevels = "Trace,Debug,Info,Warn,Error,Fatal,Log,ConditionalTrace,ConditionalDebug";
        private const string Log4NetLevels = "Debug,Info,Warn,Error,Fatal,DebugFormat,InfoFormat,WarnFormat,ErrorFormat,FatalFormat";
        private const string EntityFrameworkWrites = "Add,AddAsync,AddRange,AddRangeAsync,Update,UpdateRange,Attach,AttachRange";
        private const string RedisWrites =
            "StringSet,StringSetAsync,StringSetAndGet,StringSetAndGetAsync,StringGetSet,StringGetSetAsync,StringAppend,StringAppendAsync,"
            + "HashSet,HashSetAsync,ListLeftPush,ListLeftPushAsync,ListRightPush,ListRightPushAsync,SetAdd,SetAddAsync,"
            + "SortedSetAdd,SortedSetAddAsync,StreamAdd,StreamAddAsync";

        public const string MicrosoftLogger = "Microsoft.Extensions.Logging.ILogger";
        public const string LoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";
        public const string LogLevel = "Microsoft.Extensions.Logging.LogLevel";
        public const string DbContext = "Microsoft.EntityFrameworkCore.DbContext";
        public const string DbSet = "Microsoft.EntityFrameworkCore.DbSet`1";
        public const string TextWriter = "System.IO.TextWriter";
        public const string Console = "System.Console";

        public static readonly ImmutableArray<SinkEntry> Entries = ImmutableArray.Create(
            // Microsoft.Extensions.Logging
            Log(MicrosoftLogger, "Log,BeginScope", "!logLevel,eventId"),
            Log("Microsoft.Extensions.Logging.LoggerExtensions", "Log*,BeginScope", "!logLevel,eventId"),

            // Serilog
            Log("Serilog.ILogger", SerilogLevels, "!level"),
            Log("Serilog.Log", SerilogLevels, "!level"),
            Log("Serilog.Context.LogContext", "PushProperty"),

            // NLog
            Log("NLog.ILoggerBase", NLogLevels, "!level"),
            Log("NLog.ILogger", NLogLevels, "!level"),
            Log("NLog.Logger", NLogLevels, "!level"),
            Log("NLog.ScopeContext", "PushProperty,PushProperties,PushNestedState"),
            Log("NLog.GlobalDiagnosticsContext", "Set"),
            Log("NLog.MappedDiagnosticsContext", "Set"),
            Log("NLog.MappedDiagnosticsLogicalContext", "Set,SetScoped"),

            // log4net (by name: the package is not on the registry these tests restore from, so this group is untested)
            Log("log4net.ILog", Log4NetLevels),
            Log("log4net.Core.ILogger", "Log"),

            // Console, Debug, Trace, EventSource
            Log(Console, "Write,WriteLine"),
            Log("System.Diagnostics.Debug", "Write,WriteLine,WriteIf,WriteLineIf,Print,Assert,Fail", "!condition"),
            Log("System.Diagnostics.Trace", "Write,WriteLine,WriteIf,WriteLineIf,TraceInformation,TraceWarning,TraceError,Fail,Assert", "!condition"),
            Log("System.Diagnostics.TraceSource", "TraceEvent,TraceData,TraceInformation,TraceTransfer", "!eventType,id"),
            Log("System.Diagnostics.TraceListener", "Write,WriteLine,Fail,TraceEvent,TraceData", "!eventCache,eventType,id"),
            Log("System.Diagnostics.Tracing.EventSource", "WriteEvent,Write", "!eventId"),

            // Activity / OpenTelemetry (baggage also travels to downstream services in HTTP headers)
            Log("System.Diagnostics.Activity", "SetTag,AddTag,AddEvent,SetBaggage,AddBaggage,SetStatus,AddException", "!code"),
            new SinkEntry(SinkKind.Log, "System.Diagnostics.Activity", SinkShape.PropertySet, "DisplayName"),
            Log("System.Diagnostics.ActivityTagsCollection", "Add"),
            Log("System.Diagnostics.TagList", "Add"),
            Log("OpenTelemetry.Trace.TelemetrySpan", "SetAttribute,AddEvent,UpdateName,RecordException"),

            // Application Insights
            Log("Microsoft.ApplicationInsights.TelemetryClient", "Track*"),

            // Exception messages (every subclass) and Exception.Data
            Log("System.Exception", ".ctor", "message"),
            new SinkEntry(SinkKind.Log, "System.Exception", SinkShape.CollectionProperty, "Data"),

            // EF Core
            Store(DbContext, EntityFrameworkWrites),
            Store(DbSet, EntityFrameworkWrites),
            new SinkEntry(SinkKind.Store, "Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry", SinkShape.PropertySet, "CurrentValue"),

            // Caches
            Store("Microsoft.Extensions.Caching.Distributed.IDistributedCache", "Set,SetAsync", "value"),
            Store("Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions", "Set,SetAsync,SetString,SetStringAsync", "value"),
            new SinkEntry(SinkKind.Store, "Microsoft.Extensions.Caching.Memory.ICacheEntry", SinkShape.PropertySet, "Value"),
            Store("Microsoft.Extensions.Caching.Memory.CacheExtensions", "Set,GetOrCreate,GetOrCreateAsync", "value,factory"),
            Store("Microsoft.Extensions.Caching.Hybrid.HybridCache", "SetAsync,GetOrCreateAsync", "value,factory"),
            Store("System.Runtime.Caching.ObjectCache", "Add,AddOrGetExisting,Set", "value,item"),

            // Session state, cookies, TempData / ViewData / ViewBag
            Store("Microsoft.AspNetCore.Http.ISession", "Set", "value"),
            Store("Microsoft.AspNetCore.Http.SessionExtensions", "SetString", "value"),
            Store("Microsoft.AspNetCore.Http.IResponseCookies", "Append", "value"),
            new SinkEntry(SinkKind.Store, "Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary", SinkShape.DictionaryWrite, "Add"),
            new SinkEntry(SinkKind.Store, "Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary", SinkShape.DictionaryWrite, "Add"),
            new SinkEntry(SinkKind.Store, AspNetNames.Controller, SinkShape.DynamicMemberSet, "ViewBag"),
            new SinkEntry(SinkKind.Store, AspNetNames.RazorPageBase, SinkShape.DynamicMemberSet, "ViewBag"),

            // Files
            Store(
                "System.IO.File",
                "WriteAllText,WriteAllTextAsync,WriteAllLines,WriteAllLinesAsync,WriteAllBytes,WriteAllBytesAsync,AppendAllText,AppendAllTextAsync,AppendAllLines,AppendAllLinesAsync",
                "contents,bytes"),
            Store(TextWriter, "Write*"),

            // Redis
            Store("StackExchange.Redis.IDatabase", RedisWrites, "!key,keys,when,flags,expiry,keepTtl"),
            Store("StackExchange.Redis.IDatabaseAsync", RedisWrites, "!key,keys,when,flags,expiry,keepTtl"),

            // Database commands
            new SinkEntry(SinkKind.Store, "System.Data.Common.DbParameter", SinkShape.PropertySet, "Value"),
            new SinkEntry(SinkKind.Store, "System.Data.IDataParameter", SinkShape.PropertySet, "Value"),
            Store("Dapper.SqlMapper", "Execute*,Query*", "param"),
            Store("Microsoft.Data.SqlClient.SqlParameterCollection", "AddWithValue", "value"));

        private static SinkEntry Log(string typeName, string members, string parameters = "") =>
            new SinkEntry(SinkKind.Log, typeName, SinkShape.Call, members, parameters);

        private static SinkEntry Store(string typeName, string members, string parameters = "") =>
            new SinkEntry(SinkKind.Store, typeName, SinkShape.Call, members, parameters);
    }
}
