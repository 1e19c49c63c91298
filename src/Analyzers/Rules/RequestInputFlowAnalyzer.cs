namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>
    /// PORTAL010 (request input reaches a return URL: an open redirect from the portal) and PORTAL011 (it reaches the
    /// portal customer: anyone opens another customer's portal). One analyzer for both rules so each method body is
    /// tracked once; the sink's kind picks the rule. The diagnostic sits where the value is written to the option (inside
    /// the app's service when the value was passed there), with the request input as an additional location.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequestInputFlowAnalyzer() : PortalAnalyzer(PortalDiagnostics.ReturnUrlFromRequestInput, PortalDiagnostics.CustomerFromRequestInput)
    {
        private static readonly ImmutableArray<OperationKind> SinkEntryKinds = TaintGate.CallKinds.Add(OperationKind.SimpleAssignment);

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            var specification = RequestInputTaintSpecification.TryCreate(start.Compilation, start.Options);
            if (specification is null)
            {
                return;
            }

            // Request input is everywhere in a web app (every action's parameters) while portal options are written in a
            // handful of places, so the gate looks for the sink side: a write of a return URL or customer, or a call of
            // the app's own code that makes one.
            var engine = new TaintEngine(start.Compilation, specification);
            var gate = new TaintGate(engine);
            OperationBlockGate.Register(
                start,
                operation => specification.IsSinkWrite(operation) || gate.CallsMethodReachingSink(operation),
                block => Analyze(block, engine),
                SinkEntryKinds);
        }

        private static void Analyze(OperationBlockAnalysisContext context, TaintEngine engine)
        {
            foreach (var finding in engine.Analyze(context.OwningSymbol, context.OperationBlocks, context.CancellationToken))
            {
                var descriptor = finding.Sink.Kind == SinkKind.Customer ? PortalDiagnostics.CustomerFromRequestInput : PortalDiagnostics.ReturnUrlFromRequestInput;
                var source = finding.Origin.Innermost;
                var description = source.Description;
                if (finding.Origin.ReturnedFrom is not null)
                {
                    description += " (" + finding.Origin.Description + ")";
                }

                var additional = ImmutableArray.Create(source.Location);
                if (finding.Sink.Callee is { } callee)
                {
                    // Written inside the app's own method: point at the call that hands the input over.
                    description += " (passed to " + callee + ")";
                    additional = additional.Add(finding.Value.Syntax.GetLocation());
                }

                context.ReportOutsideGeneratedCode(Diagnostic.Create(
                    descriptor,
                    finding.Sink.Location ?? finding.Value.Syntax.GetLocation(),
                    additional,
                    finding.Sink.Target,
                    description));
            }
        }
    }
}
