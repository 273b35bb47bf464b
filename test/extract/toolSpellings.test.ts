/**
 * Tool names as notes write them besides the catalogue's own: joined, split
 * and hyphen-less spellings, products named without their cloud vendor, a
 * speaker's employer in brackets, and ordinary words of one field that
 * support each other (extract/toolNames and extract/tools).
 */
import { describe, expect, it } from 'vitest';
import { type CitedLink, ToolIndex } from '../../src/extract/tools.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { mentionedNames, toolModel } from '../helpers/toolModel.js';

const TOOLS = new ToolIndex([
  toolModel('Vertex AI', { topics: ['ml', 'google-cloud'] }),
  toolModel('Docker Hub', { topics: ['containers'] }),
  toolModel('OpenVMM', { topics: ['virtualisation'] }),
  toolModel('MySQL', { topics: ['databases'] }),
  toolModel('AWS Well-Architected Tool', { topics: ['aws'] }),
  toolModel('Amazon Web Services', { aliases: ['AWS'], topics: ['aws'] }),
  toolModel('AWS Lambda', { aliases: ['Lambda'], ambiguous: true, topics: ['serverless', 'aws'] }),
  toolModel('Amazon VPC', { topics: ['networking', 'aws'] }),
  toolModel('AWS IAM', { topics: ['security', 'aws'] }),
  toolModel('AWS CLI', { topics: ['aws'] }),
  toolModel('Google Kubernetes Engine', { aliases: ['GKE'], topics: ['kubernetes', 'google-cloud'] }),
  toolModel('Heroku', { topics: ['paas'] }),
  toolModel('matplotlib', { ambiguous: true, topics: ['python', 'plotting'] }),
  toolModel('Amazon Kinesis', { aliases: ['Kinesis'], ambiguous: true, topics: ['streaming', 'aws'] }),
  toolModel('Apache Kafka', { aliases: ['Kafka'], ambiguous: true, topics: ['streaming', 'messaging'] }),
  toolModel('Consul', { ambiguous: true, topics: ['service-discovery'] }),
  toolModel('Envoy', { ambiguous: true, topics: ['proxy'] }),
  toolModel('Apache Zeppelin', { topics: ['notebooks'] }),
  toolModel('Docker', { topics: ['containers'] }),
  toolModel('Parse', { ambiguous: true, topics: ['mobile'] }),
  toolModel('Gobot', { topics: ['robotics'] }),
]);

const mentioned = (markdown: string) => mentionedNames(TOOLS, markdown);

describe('other spellings of a name', () => {
  it('finds a two-word name written as one word', () => {
    expect(mentioned('* Ray on VertexAI, images pulled from Dockerhub')).toEqual(['Docker Hub', 'Vertex AI']);
  });

  it('finds a one-word name split where its case changes, cased as written, with evidence beyond its case', () => {
    expect(mentioned('* `Open VMM` virtual machine manager, in Rust from the start')).toEqual(['OpenVMM']);
    expect(mentioned('* Open VMM virtual machine manager, in Rust from the start')).toEqual([]);
    expect(mentioned('We open vmm files by hand.')).toEqual([]);
  });

  it('does not split a name into short words that are prose ("My SQL")', () => {
    expect(mentioned('My SQL skills are rusty.')).toEqual([]);
  });

  it('finds a hyphenated name written with a space', () => {
    expect(mentioned('AWS is releasing the "AWS Well Architected Tool".')).toEqual([
      'AWS Well-Architected Tool',
      'Amazon Web Services',
    ]);
  });
});

describe('projects named without their foundation', () => {
  it('counts an Apache project by its own name as an ordinary word with evidence', () => {
    expect(mentioned('Lots of new tools: docker, spark, Zeppelin and more.')).toEqual([
      'Apache Zeppelin',
      'Docker',
    ]);
    expect(mentioned('The zeppelin flew over the stadium.')).toEqual([]);
  });
});

describe('names written as their site', () => {
  it("counts a tool written as its site's domain", () => {
    expect(mentioned('## Rebuilding Parse.com in Go\n\n## Gobot.io')).toEqual(['Gobot', 'Parse']);
  });

  it('does not take a file or module name for a site', () => {
    expect(mentioned('We parse.yaml files with parse.com.au helpers')).toEqual([]);
  });
});

describe('products named without their vendor', () => {
  it('counts a short product name beside another tool of its cloud', () => {
    expect(mentioned('How AWS Lambda works.\n\n- create ENI in your VPC\n- IAM region restriction')).toEqual([
      'AWS IAM',
      'AWS Lambda',
      'Amazon VPC',
    ]);
  });

  it('does not count a short product name in a talk about another cloud', () => {
    expect(mentioned('We run GKE clusters, each in its own VPC, with IAM per team.')).toEqual([
      'Google Kubernetes Engine',
    ]);
  });

  it('never shortens a name to a kind of software ("CLI" of AWS CLI)', () => {
    expect(mentioned('Deploy with AWS Lambda and a small CLI of our own.')).toEqual(['AWS Lambda']);
  });
});

describe('brackets after a name', () => {
  it("does not count a speaker's employer as a tool of the talk", () => {
    expect(mentioned('Keith Rarick (Heroku) shares his experience with Go.')).toEqual([]);
  });

  it('counts a project in brackets after the person known for it, whatever its case', () => {
    expect(mentioned('Thanks to John Hunter (matplotlib) and to Docker Hub.')).toEqual([
      'Docker Hub',
      'matplotlib',
    ]);
  });
});

describe('ordinary words that support each other', () => {
  it('counts two names of one field with nothing else in the talk', () => {
    expect(mentioned('* Kinesis - more than just the stream\n* Kafka')).toEqual([
      'Amazon Kinesis',
      'Apache Kafka',
    ]);
  });

  it('does not count two capitalised words of unrelated fields', () => {
    expect(mentioned('The Consul of Rome sent an Envoy to Carthage.')).toEqual([]);
  });
});

describe('repository links that name no tool', () => {
  function inferred(markdown: string): string[] {
    const doc = parseMarkdown(markdown, 1);
    const links: CitedLink[] = doc.blocks
      .flatMap((b) => b.links)
      .map((l) => ({ url: new URL(l.href), line: l.line, label: l.text ?? l.before }));
    return TOOLS.mentions([], links, () => '').inferred.map((t) => `${t.name} ${t.repositoryUrl}`);
  }

  it('makes no tool of a GitLab subgroup, and names a nested project by its own name', () => {
    expect(inferred('[playbooks](https://gitlab.com/gitlab-com/gl-infra/db-migration)')).toEqual([]);
    expect(
      inferred('[tool](https://gitlab.com/gitlab-com/gl-infra/db-migration/-/blob/main/README.md)'),
    ).toEqual(['db-migration https://gitlab.com/gitlab-com/gl-infra/db-migration']);
  });
});
