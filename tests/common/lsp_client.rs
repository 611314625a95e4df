//! A JSON-RPC client speaking to the real `vsm lsp` over stdio, as an editor does (for
//! tests/lsp.rs and tests/lsp_completion.rs).

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

/// How long any one message may take: the test fails instead of hanging.
const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Client {
    pub child: Child,
    pub stdin: ChildStdin,
    pub messages: Receiver<Value>,
    pub next_id: i64,
    /// The diagnostics last published per document, as seen while waiting for responses.
    pub published: std::collections::HashMap<String, Vec<Value>>,
    /// The requests the server sent (`client/registerCapability`), as seen while waiting.
    pub server_requests: Vec<Value>,
}

impl Client {
    pub fn start(root: &Path) -> Client {
        Client::start_with(root, json!({}))
    }

    /// A client with these capabilities (`initialize`'s `capabilities`).
    pub fn start_with(root: &Path, capabilities: Value) -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("vsm"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).unwrap();
                if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 0,
            published: Default::default(),
            server_requests: Vec::new(),
        };
        let uri = uri(root, "");
        let init = client.request(
            "initialize",
            json!({"capabilities": capabilities, "rootUri": uri.trim_end_matches('/')}),
        );
        assert_eq!(init["serverInfo"]["name"], "vsm");
        assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
        client.notify("initialized", json!({}));
        client
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The response to a request (its `result`; an error response fails the test unless
    /// [`Client::request_error`] asked for it). Notifications on the way are dropped.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.response(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    pub fn request_error(&mut self, method: &str, params: Value) -> String {
        let response = self.response(method, params);
        response["error"]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("{method}: an error expected, got {response}"))
            .to_string()
    }

    pub fn response(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.messages.recv_timeout(TIMEOUT).expect("a response");
            if message["id"] == id {
                return message;
            }
            self.note(&message);
        }
    }

    /// The next diagnostics published for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let message = self
                .messages
                .recv_timeout(TIMEOUT)
                .unwrap_or_else(|e| panic!("diagnostics of {uri}: {e}"));
            self.note(&message);
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
            {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    pub fn note(&mut self, message: &Value) {
        if message.get("id").is_some() && message.get("method").is_some() {
            self.server_requests.push(message.clone());
        }
        if message["method"] == "textDocument/publishDiagnostics" {
            let params = &message["params"];
            self.published.insert(
                params["uri"].as_str().unwrap().to_string(),
                params["diagnostics"].as_array().unwrap().clone(),
            );
        }
    }

    pub fn shutdown(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

pub fn uri(root: &Path, file: &str) -> String {
    let root = root.canonicalize().unwrap();
    format!("file://{}/{file}", root.display())
}

pub fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

pub fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}
