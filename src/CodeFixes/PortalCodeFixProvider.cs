namespace Accrue.Portal.CodeFixes
{
    /// <summary>
    /// The skeleton every PORTAL fix provider shares: the ids it fixes read from the rule's descriptors, Fix All by
    /// batch unless the fix says otherwise, and the document's root and semantic model read once for all the
    /// diagnostics of a request. A fix only says what it offers for one diagnostic.
    /// </summary>
    public abstract class PortalCodeFixProvider : CodeFixProvider
    {
        private protected PortalCodeFixProvider(params DiagnosticDescriptor[] descriptors)
        {
            this.FixableDiagnosticIds = descriptors.Select(d => d.Id).ToImmutableArray();
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                await this.RegisterFixesAsync(context, diagnostic, root, semanticModel).ConfigureAwait(false);
            }
        }

        /// <summary>Registers the fixes offered for <paramref name="diagnostic"/>, reported in the context's document.</summary>
        private protected abstract Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel);
    }
}
