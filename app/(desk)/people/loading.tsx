import { LoadingRows } from "@/components/ui/states";

export default function SectionLoading() {
  return <LoadingRows />;
}
