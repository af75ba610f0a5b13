const NAMES = {
    elf: 'a Linux executable (ELF)',
    exe: 'a Windows executable',
    macho: 'a macOS executable (Mach-O)',
    class: 'a Java class file',
    wasm: 'a WebAssembly module',
    zip: 'a ZIP archive',
    gz: 'a gzip archive',
    tar: 'a tar archive',
    '7z': 'a 7-Zip archive',
    rar: 'a RAR archive',
    xz: 'an xz archive',
    bz2: 'a bzip2 archive',
    docx: 'a Word document (DOCX; export it as PDF)',
    doc: 'a Word document (DOC; export it as PDF)',
    xlsx: 'an Excel workbook (XLSX)',
    pptx: 'a PowerPoint presentation (PPTX; export it as PDF)',
    odt: 'an OpenDocument text (ODT; export it as PDF)',
    epub: 'an e-book (EPUB)',
    rtf: 'an RTF document (export it as PDF)',
    ps: 'a PostScript file',
    eps: 'a PostScript file',
    pgp: 'a PGP-encrypted message',
    xml: 'XML that is not an HTML page',
    sqlite: 'a SQLite database'
};
const BY_MEDIA = [
    [
        'image/',
        'an image'
    ],
    [
        'audio/',
        'audio'
    ],
    [
        'video/',
        'a video'
    ],
    [
        'font/',
        'a font'
    ],
    [
        'model/',
        'a 3D model'
    ]
];
/** A person-readable name for what file-type recognised, e.g. "an image (PNG)". */ export function describeFileType(type) {
    const known = NAMES[type.ext];
    if (known) return known;
    const ext = type.ext.toUpperCase();
    const media = BY_MEDIA.find(([prefix])=>type.mime.startsWith(prefix));
    return media ? `${media[1]} (${ext})` : `${ext} data (${type.mime})`;
}

//# sourceMappingURL=content-names.js.map