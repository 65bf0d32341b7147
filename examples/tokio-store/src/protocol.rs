//! The odirect adapter protocol, version 1 (docs/adapter-protocol.md): JSON lines on stdin and
//! stdout, one answer per request, in order. A store plugs in its stream writer; keys, reads,
//! deletes and handles are the same for every store here.
use crate::failure::Failure;
use crate::keys::Parent;
use crate::reads;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

const PROTOCOL: u64 = 1;
const OPS: [&str; 10] = ["hello", "put", "open", "write", "finish", "abort", "get", "get_range", "delete", "bye"];

/// A stream in progress. A writer whose `write` failed is aborted and its handle is dead.
pub trait StreamWriter: Sized {
    fn write(&mut self, chunk: Vec<u8>) -> Result<(), Failure>;
    /// Completes the object; answers ok only once it is durable.
    fn finish(self) -> Result<(), Failure>;
    fn abort(self) -> Result<(), Failure>;
}

pub trait Store: Sized {
    type Writer: StreamWriter;
    const NAME: &'static str;
    const PROMISES: &'static [&'static str];

    /// The store on `root` at `hello`: an empty directory, or an earlier session's root as a crash left it.
    fn open(root: &Path) -> Result<Self, Failure>;
    fn writer(&self, parent: Parent) -> Result<Self::Writer, Failure>;

    fn put(&self, parent: Parent, data: Vec<u8>) -> Result<(), Failure> {
        let mut writer = self.writer(parent)?;
        if let Err(failure) = writer.write(data) {
            let _ = writer.abort();
            return Err(failure);
        }
        writer.finish()
    }
}

struct Session<S: Store> {
    root: PathBuf,
    store: S,
    writers: HashMap<String, (String, S::Writer)>,
}

impl<S: Store> Session<S> {
    fn parent(&self, request: &Value, create: bool) -> Result<Parent, Failure> {
        Parent::of(&self.root, text(request, "key")?, create)
    }

    fn take_writer(&mut self, request: &Value) -> Result<(String, S::Writer), Failure> {
        let handle = text(request, "handle")?;
        self.writers.remove(handle).ok_or_else(|| Failure::bad_handle(handle))
    }

    fn answer(&mut self, op: &str, request: &Value) -> Result<Map<String, Value>, Failure> {
        match op {
            "put" => self.store.put(self.parent(request, true)?, data(request)?)?,
            "open" => self.open(request)?,
            "write" => {
                let (key, mut writer) = self.take_writer(request)?;
                if let Err(failure) = writer.write(data(request)?) {
                    let _ = writer.abort();
                    return Err(failure);
                }
                self.writers.insert(text(request, "handle")?.to_string(), (key, writer));
            }
            "finish" => self.take_writer(request)?.1.finish()?,
            "abort" => self.take_writer(request)?.1.abort()?,
            "get" => return Ok(self.get(request)?),
            "delete" => reads::delete(&self.parent(request, false)?)?,
            _ => return Err(Failure::new("EUNSUPPORTED", format!("op {:?} is not offered", op))),
        }
        Ok(Map::new())
    }

    /// A second stream on a key being written is refused, as the protocol allows: a store that
    /// writes in place would otherwise mix them.
    fn open(&mut self, request: &Value) -> Result<(), Failure> {
        let (handle, key) = (text(request, "handle")?, text(request, "key")?);
        if self.writers.contains_key(handle) {
            return Err(Failure::new("EINVAL", format!("handle {:?} is already open", handle)));
        }
        if self.writers.values().any(|(streamed, _)| streamed == key) {
            return Err(Failure::new("EBUSY", format!("{:?} is being written by another stream", key)));
        }
        let writer = self.store.writer(self.parent(request, true)?)?;
        self.writers.insert(handle.to_string(), (key.to_string(), writer));
        Ok(())
    }

    fn get(&self, request: &Value) -> Result<Map<String, Value>, Failure> {
        let parent = self.parent(request, false)?;
        let offset = number(request, "offset")?;
        let length = number(request, "length")?;
        let bytes = if offset.is_none() && length.is_none() {
            reads::read_whole(&parent)?
        } else {
            reads::read_range(&parent, offset.unwrap_or(0), length)?
        };
        let mut fields = Map::new();
        fields.insert("data".into(), Value::String(base64::encode(bytes)));
        Ok(fields)
    }
}

fn hello<S: Store>(request: &Value) -> Result<(Session<S>, Map<String, Value>), Failure> {
    if request.get("protocol").and_then(Value::as_u64) != Some(PROTOCOL) {
        return Err(Failure::protocol(format!("only protocol {} is spoken", PROTOCOL)));
    }
    let root = PathBuf::from(text(request, "root")?);
    if !root.is_absolute() || !root.is_dir() {
        return Err(Failure::new("ENOENT", format!("root {:?} must be an existing absolute directory", root)));
    }
    let store = S::open(&root)?;
    let answer = json!({"protocol": PROTOCOL, "name": S::NAME, "version": env!("CARGO_PKG_VERSION"),
                        "ops": OPS, "promises": S::PROMISES});
    Ok((Session { root, store, writers: HashMap::new() }, answer.as_object().cloned().unwrap_or_default()))
}

fn text<'a>(request: &'a Value, field: &str) -> Result<&'a str, Failure> {
    request.get(field).and_then(Value::as_str).ok_or_else(|| Failure::protocol(format!("field '{}' must be a string", field)))
}

fn number(request: &Value, field: &str) -> Result<Option<u64>, Failure> {
    match request.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value.as_u64().map(Some).ok_or_else(|| Failure::protocol(format!("field '{}' must be a number >= 0", field))),
    }
}

fn data(request: &Value) -> Result<Vec<u8>, Failure> {
    base64::decode(text(request, "data")?).map_err(|bad| Failure::protocol(format!("bad base64 in 'data': {}", bad)))
}

/// Answers requests from stdin until `bye` or the end of the input.
pub fn serve<S: Store>() -> io::Result<()> {
    let mut session: Option<Session<S>> = None;
    let stdin = io::stdin();
    let mut stdout = io::stdout();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let request: Value = serde_json::from_str(&line).unwrap_or(Value::Null);
        let op = request.get("op").and_then(Value::as_str).unwrap_or("");
        let answered = if !request.is_object() {
            Err(Failure::protocol("a request is one JSON object on a line"))
        } else if op == "hello" {
            hello::<S>(&request).map(|(opened, fields)| {
                session = Some(opened);
                fields
            })
        } else if op == "bye" {
            Ok(Map::new())
        } else {
            match session.as_mut() {
                Some(open) => open.answer(op, &request),
                None => Err(Failure::protocol("send hello first")),
            }
        };
        let answer = match answered {
            Ok(mut fields) => {
                fields.insert("ok".into(), Value::Bool(true));
                Value::Object(fields)
            }
            Err(failure) => json!({"ok": false, "error": failure.code, "message": failure.message}),
        };
        writeln!(stdout, "{}", answer)?;
        stdout.flush()?;
        if op == "bye" {
            break;
        }
    }
    Ok(())
}
