//! The language server: `factline lsp`, serving the engine to editors over stdio.
//!
//! Handlers only convert: LSP positions to byte offsets ([`convert`]), the engine's
//! findings and claims to diagnostics, hovers, locations and edits. The checking itself is
//! the core's ([`crate::engine::Engine::check`]), run off the async runtime on a snapshot.
//!
//! Codemap:
//! - [`state`]: what the handlers share (documents, engine, negotiated session).
//! - [`documents`]: open documents and their edits.
//! - [`convert`]: positions (UTF-16 / UTF-8) and paths; the only place that knows columns.
//! - [`diagnostics`]: the check loop, push and pull diagnostics.
//! - [`hover`], [`definition`], [`code_action`]: one file per request.
//! - [`config`]: editor settings and `factline.toml` into [`crate::config::Config`].
//! - [`reload`], [`watch`]: loading the corpus in the background and watching it.
//! - [`commands`]: `factline.reloadCorpus`, `factline.corpusReport`.
//! - [`transport`]: the frames from the client, decoded before tower-lsp-server sees them,
//!   so that a malformed message gets an error instead of ending the session.
//!
//! Robustness: every handler runs under [`guarded`], so a panic becomes an internal-error
//! response (or a log line, for a notification) and the server keeps serving. Logs go to
//! stderr; stdout carries nothing but the protocol.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod code_action;
pub mod commands;
pub mod config;
pub mod convert;
pub mod definition;
pub mod diagnostics;
pub mod documents;
pub mod hover;
pub mod reload;
pub mod state;
pub mod transport;
pub mod watch;

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use futures::FutureExt;
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::jsonrpc::{self, ErrorCode};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{LanguageServer, LspService, Server};
use tracing::{error, info, warn};

use self::code_action::{ActionContext, ConfigFile};
use self::config::{CONFIG_FILE_NAME, EditorSettings};
use self::convert::{PositionEncoding, path_to_uri, uri_to_path};
use self::documents::OpenDocument;
use self::state::{DiagnosticMode, ServerState, Session};

/// Options of `factline lsp`.
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// A `tracing` filter such as `info` or `factline=debug`.
    pub log_level: String,
}

/// Serves LSP on stdin/stdout until the client exits. Returns the process exit code:
/// 0 when `shutdown` came before `exit`, 1 otherwise.
pub async fn run_stdio(options: ServerOptions) -> anyhow::Result<i32> {
    init_logging(&options.log_level);
    info!(version = env!("CARGO_PKG_VERSION"), "factline language server starting");
    Ok(serve(tokio::io::stdin(), tokio::io::stdout()).await)
}

/// Serves LSP over any pair of streams (stdio, or an in-process pipe in tests) until the
/// client exits or closes the input. Returns the exit code, as [`run_stdio`].
///
/// The client's bytes go through [`transport`] first: tower-lsp-server would stop at the
/// first frame it cannot decode, this answers such a frame with a JSON-RPC error and reads on.
pub async fn serve<I, O>(input: I, output: O) -> i32
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let (service, socket) = LspService::new(|client| Backend { state: Arc::new(ServerState::new(client)) });
    let state = service.inner().state.clone();
    let (to_server, server_input) = tokio::io::duplex(1 << 16);
    let (server_output, from_server) = tokio::io::duplex(1 << 16);
    let (outgoing, outgoing_receiver) = tokio::sync::mpsc::unbounded_channel();
    let serving = async {
        Server::new(server_input, server_output, socket).serve(service).await;
    };
    let writing = futures::future::join(
        transport::pump_server_output(from_server, outgoing.clone()),
        transport::pump_output(output, outgoing_receiver),
    );
    let reading = transport::pump_input(input, to_server, outgoing);
    // The server ends at `exit` or when the client's input ends; its output is then copied
    // out to the last byte. Reading stops with it (a client may keep its end open).
    let served = futures::future::join(serving, writing);
    match futures::future::select(std::pin::pin!(served), std::pin::pin!(reading)).await {
        futures::future::Either::Left(_) => {}
        futures::future::Either::Right((_, served)) => {
            served.await;
        }
    }
    let code = if state.shutdown_requested.load(Ordering::SeqCst) { 0 } else { 1 };
    info!(code, "factline language server stopped");
    code
}

/// Logs to stderr, filtered by `filter` (falling back to `info` when it does not parse).
fn init_logging(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter).unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(false).try_init();
}

/// The text of a panic payload.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "panic".to_string()
    }
}

/// Runs a request handler; a panic inside becomes an internal-error response.
pub async fn guarded<T>(method: &'static str, work: impl Future<Output = jsonrpc::Result<T>>) -> jsonrpc::Result<T> {
    match AssertUnwindSafe(work).catch_unwind().await {
        Ok(result) => result,
        Err(panic) => {
            let message = panic_message(panic.as_ref());
            error!(method, "handler panicked: {message}");
            Err(internal_error(format!("{method} failed: internal error ({message})")))
        }
    }
}

/// Runs a notification handler; a panic inside is logged and the server goes on.
async fn guarded_notification(method: &'static str, work: impl Future<Output = ()>) {
    if let Err(panic) = AssertUnwindSafe(work).catch_unwind().await {
        error!(method, "notification handler panicked: {}", panic_message(panic.as_ref()));
    }
}

fn internal_error(message: String) -> jsonrpc::Error {
    jsonrpc::Error { code: ErrorCode::InternalError, message: message.into(), data: None }
}

fn to_rpc_error(error: anyhow::Error) -> jsonrpc::Error {
    internal_error(format!("{error:#}"))
}

/// The `LanguageServer` implementation: thin handlers over [`ServerState`].
pub struct Backend {
    state: Arc<ServerState>,
}

impl Backend {
    /// Settings problems found at `initialize`, shown once the client is ready.
    fn report_settings_problems(&self, problems: Vec<String>) {
        if problems.is_empty() {
            return;
        }
        for problem in &problems {
            warn!("settings: {problem}");
        }
        let state = self.state.clone();
        tokio::spawn(async move {
            state.client.show_message(MessageType::WARNING, format!("factline: settings ignored: {}", problems.join("; "))).await;
        });
    }

    fn spawn_reload(&self, reason: &'static str) {
        let state = self.state.clone();
        tokio::spawn(async move {
            if let Err(error) = reload::reload(&state, reason).await {
                error!("corpus reload failed: {error:#}");
            }
        });
    }

    fn is_config_file(&self, uri: &Uri) -> bool {
        match (self.state.root(), uri_to_path(uri)) {
            (Some(root), Some(path)) => path == root.join(CONFIG_FILE_NAME),
            _ => false,
        }
    }

    /// The workspace `factline.toml` for the code actions: its open buffer when the client
    /// has it open, else the file on disk.
    fn config_file(&self) -> Option<(Uri, std::path::PathBuf, Option<String>, Option<i32>)> {
        let root = self.state.root()?;
        let path = root.join(CONFIG_FILE_NAME);
        let uri = path_to_uri(&path)?;
        if let Some(document) = self.state.documents.get(&uri) {
            return Some((uri, path, Some(document.text.to_string()), Some(document.version)));
        }
        let text = std::fs::read_to_string(&path).ok();
        Some((uri, path, text, None))
    }
}

fn negotiate(params: &InitializeParams) -> (Session, EditorSettings, Vec<String>) {
    let capabilities = &params.capabilities;
    let encoding = PositionEncoding::negotiate(capabilities.general.as_ref().and_then(|general| general.position_encodings.as_deref()));
    #[allow(deprecated)]
    let root = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .and_then(|folder| uri_to_path(&folder.uri))
        .or_else(|| params.root_uri.as_ref().and_then(uri_to_path));
    let options = params.initialization_options.clone().unwrap_or(Value::Null);
    let (settings, mut problems) = EditorSettings::from_json(&options);
    let requested_mode = options
        .get("factline")
        .filter(|inner| inner.is_object())
        .unwrap_or(&options)
        .get("diagnosticMode")
        .and_then(Value::as_str)
        .map(str::to_ascii_lowercase);
    let client_pulls = capabilities.text_document.as_ref().is_some_and(|text| text.diagnostic.is_some());
    let diagnostic_mode = match requested_mode.as_deref() {
        Some("push") => DiagnosticMode::Push,
        Some("pull") => DiagnosticMode::Pull,
        Some("auto") | None => {
            if client_pulls {
                DiagnosticMode::Pull
            } else {
                DiagnosticMode::Push
            }
        }
        Some(other) => {
            problems.push(format!("`diagnosticMode`: `{other}` is not one of auto, push, pull"));
            if client_pulls { DiagnosticMode::Pull } else { DiagnosticMode::Push }
        }
    };
    let workspace = capabilities.workspace.as_ref();
    let workspace_edit = workspace.and_then(|workspace| workspace.workspace_edit.as_ref());
    let session = Session {
        encoding,
        root,
        diagnostic_mode,
        work_done_progress: capabilities.window.as_ref().and_then(|window| window.work_done_progress).unwrap_or(false),
        diagnostic_refresh: workspace
            .and_then(|workspace| workspace.diagnostics.as_ref())
            .and_then(|diagnostics| diagnostics.refresh_support)
            .unwrap_or(false),
        create_files: workspace_edit
            .and_then(|edit| edit.resource_operations.as_ref())
            .is_some_and(|operations| operations.contains(&ResourceOperationKind::Create)),
        document_changes: workspace_edit.and_then(|edit| edit.document_changes).unwrap_or(false),
        configuration_request: workspace.and_then(|workspace| workspace.configuration).unwrap_or(false),
    };
    (session, settings, problems)
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        guarded("initialize", async {
            let (session, settings, problems) = negotiate(&params);
            info!(encoding = ?session.encoding, mode = ?session.diagnostic_mode, root = ?session.root, "initialize");
            let pull = session.diagnostic_mode == DiagnosticMode::Pull;
            let encoding = session.encoding;
            self.state.set_session(session);
            self.state.set_editor_settings(settings);
            self.report_settings_problems(problems);
            Ok(InitializeResult {
                capabilities: ServerCapabilities {
                    position_encoding: Some(encoding.kind()),
                    text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
                        ..TextDocumentSyncOptions::default()
                    })),
                    hover_provider: Some(HoverProviderCapability::Simple(true)),
                    definition_provider: Some(OneOf::Left(true)),
                    code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    })),
                    execute_command_provider: Some(ExecuteCommandOptions { commands: commands::all(), ..ExecuteCommandOptions::default() }),
                    diagnostic_provider: pull.then(|| {
                        DiagnosticServerCapabilities::Options(DiagnosticOptions {
                            identifier: Some(diagnostics::SOURCE.to_string()),
                            inter_file_dependencies: false,
                            workspace_diagnostics: false,
                            ..DiagnosticOptions::default()
                        })
                    }),
                    ..ServerCapabilities::default()
                },
                server_info: Some(ServerInfo { name: "factline".to_string(), version: Some(env!("CARGO_PKG_VERSION").to_string()) }),
                offset_encoding: None,
            })
        })
        .await
    }

    async fn initialized(&self, _: InitializedParams) {
        guarded_notification("initialized", async {
            self.spawn_reload("start-up");
        })
        .await;
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        self.state.shutdown_requested.store(true, Ordering::SeqCst);
        if let Ok(mut watcher) = self.state.watcher.lock() {
            *watcher = None;
        }
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        guarded_notification("textDocument/didOpen", async {
            let document = params.text_document;
            let open_id = self.state.next_open_id();
            self.state.documents.insert(document.uri.clone(), OpenDocument::new(open_id, &document.uri, document.text, document.version));
            diagnostics::schedule_check(&self.state, &document.uri);
            // No root from the client: the draft's folder upward may hold the corpus.
            if let Some(path) = uri_to_path(&document.uri)
                && let Some(root) = self.state.discover_root(&path)
            {
                info!(root = %root.display(), "workspace found from the draft's folder");
                self.spawn_reload("workspace found from the draft's folder");
            }
        })
        .await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        guarded_notification("textDocument/didChange", async {
            let uri = params.text_document.uri;
            let encoding = self.state.encoding();
            match self.state.documents.get_mut(&uri) {
                Some(mut document) => {
                    let version = params.text_document.version;
                    if version <= document.version {
                        warn!(
                            uri = uri.as_str(),
                            version,
                            previous = document.version,
                            "didChange: the version does not go up; applied anyway"
                        );
                    }
                    document.apply_changes(params.content_changes, version, encoding);
                }
                None => {
                    warn!(uri = uri.as_str(), "didChange for a document that is not open");
                    return;
                }
            }
            diagnostics::schedule_check(&self.state, &uri);
        })
        .await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        guarded_notification("textDocument/didClose", async {
            let uri = params.text_document.uri;
            self.state.documents.remove(&uri);
            if self.state.diagnostic_mode() == DiagnosticMode::Push {
                self.state.client.publish_diagnostics(uri, Vec::new(), None).await;
            }
        })
        .await;
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        guarded_notification("textDocument/didSave", async {
            if self.is_config_file(&params.text_document.uri) {
                self.spawn_reload("factline.toml saved");
            }
        })
        .await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        guarded_notification("workspace/didChangeConfiguration", async {
            let state = self.state.clone();
            let settings = params.settings;
            tokio::spawn(async move {
                let settings = if settings.is_null() && state.session().configuration_request {
                    let items = vec![ConfigurationItem { scope_uri: None, section: Some("factline".to_string()) }];
                    match state.client.configuration(items).await {
                        Ok(mut values) if !values.is_empty() => values.swap_remove(0),
                        Ok(_) => Value::Null,
                        Err(error) => {
                            warn!("workspace/configuration failed: {error}");
                            Value::Null
                        }
                    }
                } else {
                    settings
                };
                let (settings, problems) = EditorSettings::from_json(&settings);
                if !problems.is_empty() {
                    for problem in &problems {
                        warn!("settings: {problem}");
                    }
                    state.client.show_message(MessageType::WARNING, format!("factline: settings ignored: {}", problems.join("; "))).await;
                }
                state.set_editor_settings(settings);
                if let Err(error) = reload::reconfigure(&state, "settings changed").await {
                    error!("reload after a settings change failed: {error:#}");
                }
            });
        })
        .await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        guarded_notification("workspace/didChangeWatchedFiles", async {
            let roots = self.state.engine().map(|engine| engine.engine.corpus().roots.clone()).unwrap_or_default();
            let relevant = params.changes.iter().any(|change| {
                self.is_config_file(&change.uri)
                    || uri_to_path(&change.uri).is_some_and(|path| roots.iter().any(|root| path.starts_with(root)))
            });
            if relevant {
                self.spawn_reload("files changed (client watcher)");
            }
        })
        .await;
    }

    async fn hover(&self, params: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        guarded("textDocument/hover", async {
            let position = params.text_document_position_params;
            let encoding = self.state.encoding();
            let Some((checked, engine)) =
                diagnostics::current_result(&self.state, &position.text_document.uri, false).await.map_err(to_rpc_error)?
            else {
                return Ok(None);
            };
            let offset = checked.line_map(encoding).offset(position.position);
            Ok(hover::hover(&checked, &engine, offset, encoding))
        })
        .await
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        guarded("textDocument/definition", async {
            let position = params.text_document_position_params;
            let encoding = self.state.encoding();
            let Some((checked, engine)) =
                diagnostics::current_result(&self.state, &position.text_document.uri, false).await.map_err(to_rpc_error)?
            else {
                return Ok(None);
            };
            let offset = checked.line_map(encoding).offset(position.position);
            Ok(definition::definition(&checked, &engine, offset, encoding))
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> jsonrpc::Result<Option<CodeActionResponse>> {
        guarded("textDocument/codeAction", async {
            if let Some(only) = &params.context.only
                && !only.iter().any(|kind| CodeActionKind::QUICKFIX.as_str().starts_with(kind.as_str()))
            {
                return Ok(None);
            }
            let uri = params.text_document.uri;
            let encoding = self.state.encoding();
            let Some((checked, engine)) = diagnostics::current_result(&self.state, &uri, false).await.map_err(to_rpc_error)? else {
                return Ok(None);
            };
            let range = checked.line_map(encoding).byte_range(params.range);
            let session = self.state.session();
            let config_file = self.config_file();
            let context = ActionContext {
                uri: &uri,
                encoding,
                document_changes: session.document_changes,
                create_files: session.create_files,
                config_file: config_file.as_ref().map(|(uri, path, text, version)| ConfigFile {
                    uri: uri.clone(),
                    path,
                    text: text.clone(),
                    version: *version,
                }),
            };
            let actions = code_action::code_actions(&checked, &engine, range, &context);
            Ok((!actions.is_empty()).then_some(actions))
        })
        .await
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> jsonrpc::Result<DocumentDiagnosticReportResult> {
        guarded("textDocument/diagnostic", async { diagnostics::pull(&self.state, params).await.map_err(to_rpc_error) }).await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> jsonrpc::Result<Option<Value>> {
        guarded("workspace/executeCommand", async {
            match commands::execute(&self.state, &params.command).await {
                Some(result) => result.map(Some).map_err(to_rpc_error),
                None => Err(jsonrpc::Error::invalid_params(format!(
                    "unknown command `{}`; known: {}",
                    params.command,
                    commands::all().join(", ")
                ))),
            }
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panicking_handler_answers_with_an_internal_error() {
        let result: jsonrpc::Result<()> = guarded("textDocument/hover", async { panic!("hover exploded") }).await;
        let error = result.unwrap_err();
        assert_eq!(error.code, ErrorCode::InternalError);
        assert!(error.message.contains("hover exploded"), "{}", error.message);
        let fine: jsonrpc::Result<u8> = guarded("x", async { Ok(1) }).await;
        assert_eq!(fine.unwrap(), 1);
    }
}
