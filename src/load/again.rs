//! Loading the same files again and again with few of them changed: the language server after
//! each edit. The model merged last time is kept, and a changed file's elements are swapped in
//! it for the ones it holds now, instead of every file being parsed and merged again.
//!
//! The swap gives the model a full load gives only when the changed file's elements took part
//! in no duplicate (VSM005) before or after the change, since a duplicate's second definition
//! is not kept anywhere. So a file is swapped only when neither its old nor its new elements
//! share an id with another file (or another document of it), when it holds at most one
//! document, and when no other file has a `model` section too; anything else loads every file
//! afresh. Merged files keep their order (files come in the order a walk lists them, and each
//! file's elements are contiguous in each section), so the swap puts the new elements where a
//! full merge would. `tests::random_edits_load_as_a_full_load_does` holds it to that.

use super::{
    contents_of, dedup, merge, plural, skip_reason, Candidate, Filter, LoadError, Loaded,
    MemoryFile, ReadFile, SkipReason, Skipped,
};
use crate::diag::Finding;
use crate::model::{Model, Str, Text};
use crate::source::FileId;
use indexmap::IndexMap;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// What [`load_files_again`] keeps of each file between loads: its bytes, why it was skipped,
/// and, for a model file, what the merged model holds of it.
#[derive(Default)]
pub struct ReadCache {
    files: HashMap<PathBuf, CachedFile>,
    /// The model files of the last load, in order: a file's id is its place here.
    order: Vec<PathBuf>,
    /// Per model file of the last load: it is the file of the same id in the load before, not
    /// read again (its source text is unchanged).
    kept: Vec<bool>,
    /// How many loads swapped files instead of loading all (for the tests).
    #[cfg(test)]
    swaps: usize,
}

struct CachedFile {
    bytes: Vec<u8>,
    why: Option<SkipReason>,
    /// For a model file.
    merged: Option<MergedFile>,
}

/// What a model file put into the merged model, so its elements can be taken out again.
#[derive(Clone)]
struct MergedFile {
    /// The findings reading it gave, then those its merge gave (its ids already defined),
    /// as a full load lists them before removing repeats.
    findings: Vec<Finding>,
    /// Its ids per section (in [`sections!`] order), as written.
    ids: [Vec<Str>; SECTIONS],
    documents: usize,
    has_meta: bool,
    /// One of its ids, or its `model` section, is written in another file or another of its
    /// documents too (a VSM005 involves it): its elements cannot be swapped alone.
    collides: bool,
}

/// The number of element sections of a model.
const SECTIONS: usize = 8;

/// Calls the macro `$mac` once per section of the model, with its place in [`MergedFile::ids`] and
/// its field.
macro_rules! sections {
    ($mac:ident) => {
        $mac!(0, stakeholders);
        $mac!(1, value_streams);
        $mac!(2, capabilities);
        $mac!(3, processes);
        $mac!(4, information);
        $mac!(5, business_objects);
        $mac!(6, commitments);
        $mac!(7, perceptions);
    };
}

/// [`super::load_files`] for a caller that loads the same files again and again with few of
/// them changed. `previous` is what the last call with this `cache` returned (or `None`): the
/// files whose bytes changed are parsed again and swapped into it when that gives what a full
/// load gives (see the module's documentation), otherwise every model file is parsed again.
/// The result is the one [`super::load_files`] gives for the same files.
pub fn load_files_again(
    files: Vec<MemoryFile>,
    filter: &Filter,
    nothing_found: &str,
    cache: &mut ReadCache,
    previous: Option<Loaded>,
) -> Result<Loaded, LoadError> {
    let mut old = std::mem::take(&mut cache.files);
    let mut skipped = Vec::new();
    // Each model file in order: its path and bytes, what was kept of it, and whether its
    // bytes are the ones kept.
    let mut models: Vec<(PathBuf, Vec<u8>, Option<MergedFile>, bool)> = Vec::new();
    for file in files {
        let cached = old.remove(&file.path);
        let unchanged = cached.as_ref().is_some_and(|c| c.bytes == file.bytes);
        let why = match &cached {
            Some(cached) if unchanged => cached.why,
            _ => {
                let contents = contents_of(file.bytes.clone());
                let candidate = Candidate {
                    path: file.path.clone(),
                    named: file.named,
                };
                skip_reason(&candidate, &contents, filter)
            }
        };
        match why {
            Some(why) => {
                skipped.push(Skipped {
                    path: file.path.clone(),
                    why,
                });
                cache.files.insert(
                    file.path,
                    CachedFile {
                        bytes: file.bytes,
                        why: Some(why),
                        merged: None,
                    },
                );
            }
            None => models.push((
                file.path,
                file.bytes,
                cached.and_then(|c| c.merged),
                unchanged,
            )),
        }
    }
    let order: Vec<PathBuf> = models.iter().map(|m| m.0.clone()).collect();
    if models.is_empty() {
        cache.order = order;
        cache.kept = Vec::new();
        return Err(LoadError(format!(
            "no model files found in {nothing_found}: {} no model section",
            plural(skipped.len(), "YAML file holds", "YAML files hold")
        )));
    }
    let same_files = order == cache.order && models.iter().all(|m| m.2.is_some());
    let swapped = previous
        .filter(|_| same_files)
        .and_then(|previous| swap_changed(previous, &models));
    cache.kept = match &swapped {
        Some(_) => models.iter().map(|m| m.3).collect(),
        None => Vec::new(),
    };
    let (mut loaded, merged) = match swapped {
        Some(swapped) => {
            #[cfg(test)]
            {
                cache.swaps += 1;
            }
            swapped
        }
        None => load_all(&models),
    };
    loaded.skipped = skipped;
    loaded.warnings = Vec::new();
    for ((path, bytes, _, _), merged) in models.into_iter().zip(merged) {
        cache.files.insert(
            path,
            CachedFile {
                bytes,
                why: None,
                merged: Some(merged),
            },
        );
    }
    cache.order = order;
    Ok(loaded)
}

impl ReadCache {
    /// Whether model file `file` of the last load is the file of that id in the load before,
    /// not read again: what was computed from its text still holds.
    pub fn kept(&self, file: FileId) -> bool {
        self.kept.get(file as usize).copied().unwrap_or(false)
    }
}

/// Reads and merges every model file, noting what each put into the model.
fn load_all(models: &[(PathBuf, Vec<u8>, Option<MergedFile>, bool)]) -> (Loaded, Vec<MergedFile>) {
    let results: Vec<ReadFile> = models
        .par_iter()
        .enumerate()
        .map(|(id, (path, bytes, _, _))| {
            contents_of(bytes.clone()).into_model(id as FileId, path.clone())
        })
        .collect();
    let mut loaded = Loaded::default();
    let mut meta_loc = None;
    let mut merged = Vec::with_capacity(results.len());
    let mut collides = vec![false; results.len()];
    for (file, (source, file_models, findings)) in results.into_iter().enumerate() {
        loaded.sources.files.push(source);
        let start = loaded.findings.len();
        loaded.findings.extend(findings);
        let merges_from = loaded.findings.len();
        let ids = ids_of(&file_models);
        let documents = file_models.len();
        let has_meta = file_models.iter().any(|m| m.model.meta.is_some());
        for file_model in file_models {
            merge(&mut loaded, file_model, &mut meta_loc);
        }
        for finding in &loaded.findings[merges_from..] {
            collides[file] = true;
            for label in &finding.labels {
                if let Some(other) = collides.get_mut(label.loc.file as usize) {
                    *other = true;
                }
            }
        }
        merged.push(MergedFile {
            findings: loaded.findings[start..].to_vec(),
            ids,
            documents,
            has_meta,
            collides: false,
        });
    }
    for (file, collides) in merged.iter_mut().zip(collides) {
        file.collides = collides;
    }
    dedup(&mut loaded.findings);
    (loaded, merged)
}

/// The ids of a file's documents per section.
fn ids_of(file_models: &[super::FileModel]) -> [Vec<Str>; SECTIONS] {
    let mut ids: [Vec<Str>; SECTIONS] = Default::default();
    for file_model in file_models {
        for (all, more) in ids.iter_mut().zip(section_ids(&file_model.model)) {
            all.extend(more);
        }
    }
    ids
}

/// `previous` with each changed file's elements swapped for the ones it holds now, and what
/// each file put into it; `None` when a changed file cannot be swapped alone.
fn swap_changed(
    mut loaded: Loaded,
    models: &[(PathBuf, Vec<u8>, Option<MergedFile>, bool)],
) -> Option<(Loaded, Vec<MergedFile>)> {
    let mut merged: Vec<MergedFile> = models.iter().map(|m| m.2.clone()).collect::<Option<_>>()?;
    if loaded.sources.files.len() != models.len() {
        return None;
    }
    let changed: Vec<usize> = (0..models.len()).filter(|&i| !models[i].3).collect();
    if changed
        .iter()
        .any(|&i| merged[i].collides || merged[i].documents > 1)
    {
        return None;
    }
    let read: Vec<(usize, ReadFile)> = changed
        .par_iter()
        .map(|&i| {
            let (path, bytes, _, _) = &models[i];
            (
                i,
                contents_of(bytes.clone()).into_model(i as FileId, path.clone()),
            )
        })
        .collect();
    for (file, (source, mut file_models, findings)) in read {
        let documents = file_models.len();
        if documents > 1 {
            return None;
        }
        let model = file_models.pop().map(|m| m.model).unwrap_or_default();
        let has_meta = model.meta.is_some();
        let owns_meta = has_meta || merged[file].has_meta;
        let meta_elsewhere = merged
            .iter()
            .enumerate()
            .any(|(other, m)| other != file && m.has_meta);
        if owns_meta && meta_elsewhere {
            return None;
        }
        if !swappable(&loaded.model, &merged[file].ids, &model, file as FileId) {
            return None;
        }
        let ids = section_ids(&model);
        swap(
            &mut loaded.model,
            &merged[file].ids,
            model,
            file as FileId,
            owns_meta,
        );
        loaded.sources.files[file] = source;
        merged[file] = MergedFile {
            findings,
            ids,
            documents,
            has_meta,
            collides: false,
        };
    }
    loaded.findings = merged.iter().flat_map(|m| m.findings.clone()).collect();
    dedup(&mut loaded.findings);
    Some((loaded, merged))
}

/// The ids of one model per section.
fn section_ids(model: &Model) -> [Vec<Str>; SECTIONS] {
    let mut ids: [Vec<Str>; SECTIONS] = Default::default();
    macro_rules! collect {
        ($n:tt, $field:ident) => {
            ids[$n].extend(model.$field.keys().cloned());
        };
    }
    sections!(collect);
    ids
}

/// Whether `file`'s elements `old` (as merged into `merged`) can be replaced by those of `new`
/// without a duplicate: each old id is in the merged model as `file`'s, and each new id is not
/// there or is one of `file`'s.
fn swappable(merged: &Model, old: &[Vec<Str>; SECTIONS], new: &Model, file: FileId) -> bool {
    fn section<T>(
        merged: &IndexMap<Str, T>,
        old: &[Str],
        new: &IndexMap<Str, T>,
        file: FileId,
        id_of: fn(&T) -> &Text,
    ) -> bool {
        let own = |id: &Str| merged.get(id).map(|e| id_of(e).loc.file == file);
        old.iter().all(|id| own(id) == Some(true)) && new.keys().all(|id| own(id) != Some(false))
    }
    let mut ok = true;
    macro_rules! check {
        ($n:tt, $field:ident) => {
            ok = ok
                && section(&merged.$field, &old[$n], &new.$field, file, |e| {
                    &e.common.id
                });
        };
    }
    sections!(check);
    ok
}

/// Replaces `file`'s elements `old` in `merged` by those of `new`, where a full merge puts them
/// (checked by [`swappable`] first); the `model` section too when `owns_meta` (the file has or
/// had the only one).
fn swap(merged: &mut Model, old: &[Vec<Str>; SECTIONS], new: Model, file: FileId, owns_meta: bool) {
    fn section<T>(
        merged: &mut IndexMap<Str, T>,
        old: &[Str],
        new: IndexMap<Str, T>,
        file: FileId,
        id_of: fn(&T) -> &Text,
    ) {
        let same_ids = old.len() == new.len() && old.iter().zip(new.keys()).all(|(a, b)| a == b);
        if same_ids {
            // The common edit: a value changed, no id. Each element keeps its place.
            for (id, element) in new {
                if let Some(slot) = merged.get_mut(&id) {
                    *slot = element;
                }
            }
            return;
        }
        // The file's elements are contiguous, after those of the files before it.
        let start = match old.first() {
            Some(first) => merged.get_index_of(first).unwrap_or(merged.len()),
            None => {
                let (mut low, mut high) = (0, merged.len());
                while low < high {
                    let mid = (low + high) / 2;
                    let before = merged
                        .get_index(mid)
                        .is_some_and(|(_, e)| id_of(e).loc.file < file);
                    if before {
                        low = mid + 1;
                    } else {
                        high = mid;
                    }
                }
                low
            }
        };
        let end = (start + old.len()).min(merged.len());
        merged.splice(start..end, new);
    }
    let mut new_model = new;
    macro_rules! put {
        ($n:tt, $field:ident) => {
            section(
                &mut merged.$field,
                &old[$n],
                std::mem::take(&mut new_model.$field),
                file,
                |e| &e.common.id,
            );
        };
    }
    sections!(put);
    if owns_meta {
        merged.meta = new_model.meta;
    }
}

#[cfg(test)]
mod tests {
    use super::super::load_files;
    use super::*;
    use std::path::Path;

    fn file(path: &str, text: &str) -> MemoryFile {
        MemoryFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
            named: false,
        }
    }

    /// Everything a load gives, as text: two loads giving the same text gave the same model.
    fn everything(loaded: &Loaded) -> String {
        let sources: Vec<(&Path, &str)> = loaded
            .sources
            .files
            .iter()
            .map(|f| (f.path.as_path(), f.text.as_str()))
            .collect();
        format!(
            "{:#?}\n{:#?}\n{:?}\n{:?}\n{:?}",
            loaded.model, loaded.findings, sources, loaded.skipped, loaded.warnings
        )
    }

    #[test]
    fn loading_again_gives_what_loading_gives_and_parses_only_what_changed() {
        let a =
            "capabilities:\n  sales: {name: Sales}\n  sales2: {name: Sales 2, parent: nowhere}\n";
        let b = "capabilities:\n  sales: {name: Again}\nname: not a section\n";
        let c = "# a CI file\non: push\n";
        let filter = Filter::default();
        let mut cache = ReadCache::default();
        let mut previous = None;
        for round in [
            [a, b, c],
            [a, b, c],
            [c, b, a],
            [a, "capabilities:\n  x: {}\n", c],
            [a, "capabilities:\n  x: {name: X}\n", c],
        ] {
            let files = || {
                vec![
                    file("a.yaml", round[0]),
                    file("b.yaml", round[1]),
                    file("c.yaml", round[2]),
                ]
            };
            let fresh = load_files(files(), &filter, "test").unwrap();
            let again = load_files_again(files(), &filter, "test", &mut cache, previous).unwrap();
            assert_eq!(everything(&again), everything(&fresh));
            previous = Some(again);
        }
        // The cache holds each file once: `c.yaml`, a model in the third round, is skipped
        // again in the fourth. `b.yaml` defined `sales` twice with `a.yaml`, no longer.
        assert_eq!(cache.files.len(), 3);
        assert!(cache.files[Path::new("c.yaml")].merged.is_none());
        assert_eq!(cache.order, [PathBuf::from("a.yaml"), "b.yaml".into()]);
        let b = cache.files[Path::new("b.yaml")].merged.as_ref().unwrap();
        assert_eq!(b.ids[2], ["x"]);
        assert!(!b.collides);
        // The last round changed only `b.yaml`: swapped, and `a.yaml` kept as it was.
        assert_eq!(
            cache.swaps, 2,
            "rounds 2 and 5: rounds 3 and 4 changed which files are models"
        );
        assert!(cache.kept(0) && !cache.kept(1));
    }

    /// A small random number generator (xorshift), so the test needs no crate and each seed
    /// gives the same edits on every run.
    struct Random(u64);

    impl Random {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    /// A random model file `n`: mostly ids of its own, sometimes ids another file uses too,
    /// references that resolve or not, a `model` section, two documents, a syntax error, or
    /// no section at all.
    fn random_file(random: &mut Random, n: usize) -> String {
        let mut text = String::new();
        let id = |random: &mut Random, kind: &str| -> String {
            if random.below(8) == 0 {
                format!("shared-{kind}-{}", random.below(2))
            } else {
                format!("f{n}-{kind}-{}", random.below(4))
            }
        };
        match random.below(12) {
            0 => return "on: push\n".into(),
            1 => text.push_str("model: {name: M}\n"),
            _ => {}
        }
        if random.below(2) == 0 {
            text.push_str("capabilities:\n");
            for _ in 0..random.below(4) {
                let parent = id(random, "cap");
                text.push_str(&format!(
                    "  {}: {{name: {}, parent: {parent}}}\n",
                    id(random, "cap"),
                    random.pick(&["Sales", "Billing", "客户"]),
                ));
            }
        }
        if random.below(2) == 0 {
            text.push_str("stakeholders:\n");
            for _ in 0..random.below(3) {
                text.push_str(&format!("  {}: {{name: S}}\n", id(random, "who")));
            }
        }
        if random.below(2) == 0 {
            text.push_str(&format!(
                "value_streams:\n  {}:\n    name: V\n    trigger: {}\n    stages:\n      a: {{name: A, capabilities: [{}], next: [b]}}\n      b: {{name: B}}\n",
                id(random, "vs"),
                id(random, "who"),
                id(random, "cap"),
            ));
        }
        match random.below(10) {
            0 => text.push_str("---\ncapabilities:\n  other: {name: O}\n"),
            1 => text.push_str("processes: [unclosed\n"),
            _ => {}
        }
        text
    }

    /// The incremental load is held to the full one: random files edited one or two at a
    /// time (values only, or ids too), each round compared with a full load of the same files.
    #[test]
    fn random_edits_load_as_a_full_load_does() {
        const FILES: usize = 5;
        let filter = Filter::default();
        let mut swaps = 0;
        let mut loads = 0;
        for seed in 1..=40u64 {
            let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut texts: Vec<String> = (0..FILES).map(|n| random_file(&mut random, n)).collect();
            let mut cache = ReadCache::default();
            let mut previous = None;
            for _round in 0..25 {
                let files = || {
                    texts
                        .iter()
                        .enumerate()
                        .map(|(n, text)| file(&format!("m{n}.yaml"), text))
                        .collect::<Vec<_>>()
                };
                let fresh = load_files(files(), &filter, "test");
                let again = load_files_again(files(), &filter, "test", &mut cache, previous);
                match (fresh, again) {
                    (Ok(fresh), Ok(again)) => {
                        assert_eq!(everything(&again), everything(&fresh), "seed {seed}");
                        previous = Some(again);
                        loads += 1;
                    }
                    (Err(a), Err(b)) => {
                        assert_eq!(a.0, b.0);
                        previous = None;
                    }
                    (a, b) => panic!("seed {seed}: {:?} vs {:?}", a.err(), b.err()),
                }
                // The edit: a value changed in place (the usual keystroke), or a file rewritten.
                for _ in 0..=random.below(2) {
                    let n = random.below(FILES);
                    if random.below(3) == 0 {
                        texts[n] = random_file(&mut random, n);
                    } else {
                        let from = random.pick(&["Sales", "Billing", "客户", "name: A", "[b]"]);
                        let to = random.pick(&["Sales", "Billing", "客户", "name: AA", "[c]"]);
                        texts[n] = texts[n].replacen(from, to, 1);
                    }
                }
            }
            swaps += cache.swaps;
        }
        assert!(
            swaps * 2 > loads,
            "most loads compared swapped files: {swaps} of {loads}"
        );
    }
}
