#!/usr/bin/python3
"""Lists the GPU code a CUDA library carries: SASS (ELF) per compute capability, and PTX, which a newer GPU's
driver can compile. A GPU runs the library's kernels only if it finds SASS of its own major version at or
below its compute capability, or PTX.

    scripts/cuda-archs.py path/to/nd4j-cuda-11.6-1.0.0-M2.1-linux-x86_64-cudnn.jar   (or an extracted .so)
"""
import collections
import io
import struct
import sys
import zipfile

FATBIN_MAGIC = 0xBA55ED50


def sections(elf):
    """(name, offset, size) of each section of a 64-bit little-endian ELF file."""
    shoff, = struct.unpack_from('<Q', elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', elf, 0x3A)
    headers = [struct.unpack_from('<IIQQQQ', elf, shoff + i * shentsize) for i in range(shnum)]
    names = headers[shstrndx]
    for name, _type, _flags, _addr, offset, size in headers:
        start = names[4] + name
        yield elf[start:elf.index(b'\0', start)].decode(), offset, size


def code_kinds(elf):
    kinds = collections.Counter()
    for name, offset, size in sections(elf):
        if name != '.nv_fatbin':
            continue
        pos, end = offset, offset + size
        while pos < end - 16:
            magic, _version, header_size, fat_size = struct.unpack_from('<IHHQ', elf, pos)
            if magic != FATBIN_MAGIC:
                pos += 8
                continue
            entry, entries_end = pos + header_size, pos + header_size + fat_size
            while entry < entries_end:
                kind, _unknown, entry_header, entry_size = struct.unpack_from('<HHIQ', elf, entry)
                arch, = struct.unpack_from('<I', elf, entry + 28)
                kinds[('PTX' if kind == 1 else 'SASS' if kind == 2 else f'kind {kind}', arch)] += 1
                entry += entry_header + entry_size
            pos = entries_end
    return kinds


def libraries(path):
    if path.endswith('.jar'):
        with zipfile.ZipFile(path) as jar:
            for name in jar.namelist():
                if '.so' in name.rsplit('/', 1)[-1]:
                    yield name, jar.read(name)
    else:
        with open(path, 'rb') as f:
            yield path, f.read()


def main():
    for path in sys.argv[1:]:
        for name, elf in libraries(path):
            kinds = code_kinds(elf)
            if not kinds:
                continue
            print(name)
            for (kind, arch), count in sorted(kinds.items()):
                print(f'  {kind} for compute capability {arch // 10}.{arch % 10}: {count} modules')
            if not any(kind == 'PTX' for kind, _ in kinds):
                print('  no PTX: GPUs of a newer major version than the newest SASS cannot run these kernels')


if __name__ == '__main__':
    main()
